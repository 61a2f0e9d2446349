namespace Procurement.Infrastructure.Events;

/// <summary>
/// What a use case's pure <c>Decide(state, command)</c> returns: the events to append (none: nothing changes), or a
/// refusal. A refusal is a Japanese UI text key with its arguments; the write path (<see cref="EventStreamWriter"/>)
/// turns it into the reader's language, so a decision needs no <see cref="UiText"/> and reads the same in a test.
/// A decision that checks several conditions at once (a workflow step's guards) refuses with every unmet one
/// (<see cref="Reasons"/>); the page shows them one a line.
/// </summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<object> events, IReadOnlyList<Reason> reasons)
    {
        Events = events;
        Reasons = reasons;
    }

    public IReadOnlyList<object> Events { get; }

    /// <summary>Why the decision refuses (empty when it appends <see cref="Events"/>), in the order they were found.</summary>
    public IReadOnlyList<Reason> Reasons { get; }

    /// <summary>The (first) refusal's text key (Japanese), or null when the decision is to append <see cref="Events"/>.</summary>
    public string? Refusal => Reasons.Count == 0 ? null : Reasons[0].Key;

    public IReadOnlyList<object> RefusalArguments => Reasons.Count == 0 ? [] : Reasons[0].Arguments;

    public bool IsRefused => Reasons.Count > 0;

    public static Decision Append(params object[] events) => new(events, []);

    public static Decision Append(IEnumerable<object> events) => new(events.ToList(), []);

    /// <summary>Nothing to record: the state already says what the command asks.</summary>
    public static Decision Nothing { get; } = new([], []);

    /// <param name="key">The Japanese UI text, with {0}… for <paramref name="arguments"/> (en.json has its English).</param>
    /// <param name="arguments">Names and numbers as they are; a <see cref="Reason"/> or other <see cref="IReaderText"/> is put in the
    /// reader's language, and a list (<c>List&lt;T&gt;</c>) is joined with the reader's comma. An array passed alone would be taken
    /// as the arguments themselves (C# params), so a list argument is a List.</param>
    public static Decision Refuse(string key, params object[] arguments) => new([], [new Reason(key, arguments)]);

    /// <summary>Refuses with several reasons at once (at least one).</summary>
    public static Decision Refuse(IEnumerable<Reason> reasons)
    {
        var all = reasons.ToList();
        return all.Count == 0 ? throw new ArgumentException("A refusal needs a reason.", nameof(reasons)) : new([], all);
    }

    /// <summary>The refusal in the reader's language (several reasons: one a line).</summary>
    public string RefusalText(UiText t) => string.Join("\n", Reasons.Select(r => r.Say(t)));
}

/// <summary>Text that is put into the reader's language only when it is shown (an argument of a refusal).</summary>
public interface IReaderText
{
    string Say(UiText t);
}

/// <summary>One reason of a refusal: a Japanese UI text key and its arguments (see <see cref="Decision.Refuse(string, object[])"/>).</summary>
public sealed record Reason(string Key, IReadOnlyList<object> Arguments) : IReaderText
{
    public static Reason Of(string key, params object[] arguments) => new(key, arguments);

    /// <summary>Words that are already what the reader sees (a file validator's message, a guard's reason worked out before the decision).</summary>
    public static Reason Verbatim(string text) => new("{0}", [text]);

    public string Say(UiText t) => Arguments.Count == 0 ? t[Key] : t.Format(Key, [.. Arguments.Select(a => Argument(a, t))]);

    private static object Argument(object argument, UiText t) => argument switch
    {
        IReaderText text => text.Say(t),
        string text => text,
        System.Collections.IEnumerable list => string.Join(t.Comma, list.Cast<object>().Select(a => Argument(a, t))),
        _ => argument,
    };
}

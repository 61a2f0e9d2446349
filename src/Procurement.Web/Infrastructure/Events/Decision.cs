namespace Procurement.Infrastructure.Events;

/// <summary>
/// What a use case's pure <c>Decide(state, command)</c> returns: the events to append (none: nothing changes), or a
/// refusal. A refusal is a Japanese UI text key with its arguments; the write path (<see cref="EventStreamWriter"/>)
/// turns it into the reader's language, so a decision needs no <see cref="UiText"/> and reads the same in a test.
/// </summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<object> events, string? refusal, IReadOnlyList<object> arguments)
    {
        Events = events;
        Refusal = refusal;
        RefusalArguments = arguments;
    }

    public IReadOnlyList<object> Events { get; }

    /// <summary>The refusal's text key (Japanese), or null when the decision is to append <see cref="Events"/>.</summary>
    public string? Refusal { get; }

    public IReadOnlyList<object> RefusalArguments { get; }

    public bool IsRefused => Refusal is not null;

    public static Decision Append(params object[] events) => new(events, null, []);

    public static Decision Append(IEnumerable<object> events) => new(events.ToList(), null, []);

    /// <summary>Nothing to record: the state already says what the command asks.</summary>
    public static Decision Nothing { get; } = new([], null, []);

    /// <param name="key">The Japanese UI text, with {0}… for <paramref name="arguments"/> (en.json has its English).</param>
    public static Decision Refuse(string key, params object[] arguments) => new([], key, arguments);

    /// <summary>The refusal in the reader's language.</summary>
    public string RefusalText(UiText t) => RefusalArguments.Count == 0 ? t[Refusal!] : t.Format(Refusal!, [.. RefusalArguments]);
}

using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// Given(events) When(decide) Then(events | refusal) for a use case's pure Decide: the state is what the read model's
/// projection (<typeparamref name="TProjection"/>: its static <c>Create(event)</c> and <c>Apply(event, state)</c>) makes of
/// the given events, taking the event alone or wrapped with its stream version), so a test states history rather than a
/// hand-built state.
/// </summary>
public sealed class DecisionSpec<TProjection, TState> where TState : class
{
    private readonly List<object> _given = [];
    private Decision? _decision;

    public DecisionSpec<TProjection, TState> Given(params object[] events)
    {
        _given.AddRange(events);
        return this;
    }

    /// <summary>The state the given events make (for a decision whose outcome a test reads further).</summary>
    public TState? Current => State(_given);

    public DecisionSpec<TProjection, TState> When(Func<TState?, Decision> decide)
    {
        _decision = decide(State(_given));
        return this;
    }

    /// <summary>The decision appends exactly these events (none: nothing to change).</summary>
    public void Then(params object[] expected)
    {
        var decision = _decision ?? throw new InvalidOperationException("When(...) first");
        Assert.False(decision.IsRefused, $"refused: {decision.Refusal}");
        Assert.Equal(expected.Select(Json), decision.Events.Select(Json));
    }

    /// <summary>The decision refuses with this text key (and these arguments), and appends nothing.</summary>
    public void ThenRefused(string key, params object[] arguments)
    {
        var decision = _decision ?? throw new InvalidOperationException("When(...) first");
        Assert.Equal(key, decision.Refusal);
        Assert.Equal(arguments.Select(Json), decision.RefusalArguments.Select(Json));
        Assert.Empty(decision.Events);
    }

    /// <summary>The decision refuses with exactly these reasons (a decision that checks several conditions at once), and appends nothing.</summary>
    public void ThenRefusedWith(params Reason[] reasons)
    {
        var decision = _decision ?? throw new InvalidOperationException("When(...) first");
        Assert.Equal(reasons.Select(Json), decision.Reasons.Select(Json));
        Assert.Empty(decision.Events);
    }

    /// <summary>The state the projection builds from <paramref name="events"/>; null when there are none (a new stream).</summary>
    private static TState? State(IEnumerable<object> events)
    {
        TState? state = null;
        var version = 0L;
        foreach (var data in events)
        {
            var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            wrapped.Version = ++version;
            wrapped.Sequence = version;
            if (state is null && Method("Create", data, wrapped) is var (create, createWith))
            {
                state = (TState)create.Invoke(null, [createWith])!;
                continue;
            }
            var (apply, applyWith) = Method("Apply", data, wrapped, typeof(TState))
                ?? throw new InvalidOperationException($"{typeof(TProjection).Name} has no Apply({data.GetType().Name}, {typeof(TState).Name})");
            state ??= Activator.CreateInstance<TState>();
            if (apply.Invoke(null, [applyWith, state]) is TState next) state = next;
        }
        return state;
    }

    /// <summary>The projection's method for the event alone, else for the event with its metadata (IEvent&lt;T&gt;).</summary>
    private static (MethodInfo Method, object Argument)? Method(string name, object data, IEvent wrapped, params Type[] rest)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        if (typeof(TProjection).GetMethod(name, flags, [data.GetType(), .. rest]) is { } plain) return (plain, data);
        if (typeof(TProjection).GetMethod(name, flags, [typeof(IEvent<>).MakeGenericType(data.GetType()), .. rest]) is { } withMetadata) return (withMetadata, wrapped);
        return null;
    }

    private static string Json(object value) => value.GetType().Name + JsonSerializer.Serialize(value, value.GetType());
}

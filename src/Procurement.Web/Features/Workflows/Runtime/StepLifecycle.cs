using Stateless;

namespace Procurement.Features.Workflows.Runtime;

/// <summary>
/// The life of one step as a Stateless machine: waiting → active → completed, back to active on a
/// send-back. A case with parallel tracks has several active steps at once, which no single-state
/// machine can hold, so each decision builds the machine for the one step it touches; the guards
/// (role, membership, named conditions) are Stateless guards, so a refusal lists every unmet one.
/// </summary>
public static class StepLifecycle
{
    public enum State
    {
        Waiting,
        Active,
        Completed,
    }

    public enum Trigger
    {
        Complete,
        Skip,
        Reopen,
    }

    public sealed record Guard(Func<bool> Holds, string Unmet);

    public static StateMachine<State, Trigger> Build(
        State current, IReadOnlyList<Guard> complete, IReadOnlyList<Guard> skip, IReadOnlyList<Guard> reopen)
    {
        var state = current;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        machine.Configure(State.Active)
            .PermitIf(Trigger.Complete, State.Completed, ToTuples(complete))
            .PermitIf(Trigger.Skip, State.Completed, ToTuples(skip));
        machine.Configure(State.Completed)
            .PermitIf(Trigger.Reopen, State.Active, ToTuples(reopen));
        return machine;
    }

    /// <summary>Fires the trigger, or throws the Japanese reasons it cannot (<paramref name="notNow"/> when the state itself forbids it).</summary>
    public static void FireOrRefuse(StateMachine<State, Trigger> machine, Trigger trigger, string notNow)
    {
        if (!machine.CanFire(trigger, out var unmet))
        {
            // Stateless reports no unmet guards (null) when the current state has no such transition at all.
            throw new Infrastructure.Validation.DomainRuleException(unmet is not { Count: > 0 } ? notNow : string.Join(" ", unmet));
        }
        machine.Fire(trigger);
    }

    private static Tuple<Func<bool>, string>[] ToTuples(IReadOnlyList<Guard> guards) =>
        guards.Count == 0
            ? [Tuple.Create<Func<bool>, string>(() => true, "常に可")]
            : guards.Select(g => Tuple.Create(g.Holds, g.Unmet)).ToArray();
}

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

    /// <summary>A condition of a transition and the reason given when it does not hold.</summary>
    public sealed record Guard(Func<bool> Holds, Reason Unmet);

    /// <summary>The machine of one step and the reasons of its guards (Stateless names a guard by its index here).</summary>
    public sealed record Lifecycle(StateMachine<State, Trigger> Machine, IReadOnlyList<Reason> Reasons);

    public static Lifecycle Build(State current, IReadOnlyList<Guard> complete, IReadOnlyList<Guard> skip, IReadOnlyList<Guard> reopen)
    {
        var state = current;
        var reasons = new List<Reason>();
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        machine.Configure(State.Active)
            .PermitIf(Trigger.Complete, State.Completed, ToTuples(complete, reasons))
            .PermitIf(Trigger.Skip, State.Completed, ToTuples(skip, reasons));
        machine.Configure(State.Completed)
            .PermitIf(Trigger.Reopen, State.Active, ToTuples(reopen, reasons));
        return new Lifecycle(machine, reasons);
    }

    /// <summary>
    /// Fires the trigger (null: go ahead), or refuses with every unmet guard (<paramref name="notNow"/> when the state
    /// itself forbids it).
    /// </summary>
    public static Decision? FireOrRefuse(Lifecycle lifecycle, Trigger trigger, Reason notNow)
    {
        if (!lifecycle.Machine.CanFire(trigger, out var unmet))
        {
            // Stateless reports no unmet guards (null) when the current state has no such transition at all.
            return Decision.Refuse(unmet is not { Count: > 0 } ? [notNow] : unmet.Select(i => lifecycle.Reasons[int.Parse(i, CultureInfo.InvariantCulture)]));
        }
        lifecycle.Machine.Fire(trigger);
        return null;
    }

    private static Tuple<Func<bool>, string>[] ToTuples(IReadOnlyList<Guard> guards, List<Reason> reasons)
    {
        if (guards.Count == 0) return [Tuple.Create<Func<bool>, string>(() => true, "always")];
        return guards.Select(g =>
        {
            reasons.Add(g.Unmet);
            return Tuple.Create(g.Holds, (reasons.Count - 1).ToString(CultureInfo.InvariantCulture));
        }).ToArray();
    }
}

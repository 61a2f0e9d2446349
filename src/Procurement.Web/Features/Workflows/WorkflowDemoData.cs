using Procurement.Features.Demo;
using Procurement.Features.Users;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows;

/// <summary>
/// Demo mode only: the demo case's workflow stands where its records put it (Phase0 done by hand; the RFI, RFQ, 公告,
/// committee and proposals complete their steps; planning steps with no record yet stay open and flagged as overtaken
/// by later work), with the current step due in five days, so the inbox, reminders, diagram and schedule have
/// something to show on first start.
/// </summary>
public static class WorkflowDemoData
{

    public static async Task SeedWorkflowDemoIfEnabledAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Procurement:Demo")) return;
        await SeedAsync(app.Services.GetRequiredService<IDocumentStore>(), app.Services.GetRequiredService<WorkflowCatalog>(),
            app.Services.GetRequiredService<TimeProvider>());
    }

    public static async Task SeedAsync(IDocumentStore store, WorkflowCatalog catalog, TimeProvider clock, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var summary = await session.LoadAsync<CaseSummary>(DemoData.CaseId, ct);
        if (summary is null || await session.LoadAsync<CaseWorkflowView>(DemoData.CaseId, ct) is not null) return; // never twice
        var officer = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.UserName == "officer1", ct);
        if (officer is null || catalog.FindLatest("joint-cloud-procurement") is not { } definition) return;

        var actor = new WorkflowActor(new Actor(officer.Id, officer.DisplayName), new HashSet<string>(officer.Roles, StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        var events = new List<object>(EventStreamWriter.Accept(StartWorkflow.Decide(null, summary, definition, actor, now)));
        var view = ((CaseWorkflowView?)null).With(events)!;
        var notes = new Dictionary<string, string>
        {
            ["study-sessions"] = "先行する長野県内の協議会2団体を視察し、総務省の手引きを読み合わせた。",
            ["joint-framework"] = "人口規模が近く、現行ベンダーが同じ下伊那郡4町村で共同検討する。",
            ["internal-briefing"] = "4町村長・CIOへ説明し、協議会設立の方向で了承を得た。",
        };
        foreach (var (step, note) in notes)
        {
            var decided = EventStreamWriter.Accept(CompleteStep.Decide(view, definition, new CompleteStepCommand(summary.Id, step, note), actor, new Dictionary<string, Guards.GuardResult>(), now));
            view = view.With(decided)!;
            events.AddRange(decided);
        }
        // What the demo already recorded (RFI, estimates, the 公告, proposals, the evaluation's committee, opened proposals)
        // completes its steps, as on any start.
        var caughtUp = RecordedWork.CatchUp(view, definition, await CaseRecords.LoadAsync(session, summary.Id, ct));
        events.AddRange(caughtUp);
        // The demo's evaluation holds no demonstration (its criteria score the proposals alone): the optional step is passed over.
        foreach (var step in RecordedWork.Current(definition, view).Where(s => s == "demonstrations").ToList())
        {
            var skipped = EventStreamWriter.Accept(CompleteStep.Decide(view, definition,
                new CompleteStepCommand(summary.Id, step, "デモ案件ではデモンストレーションを実施しない", Skip: true), actor, new Dictionary<string, Guards.GuardResult>(), now));
            view = view.With(skipped)!;
            events.AddRange(skipped);
        }
        var currentSteps = RecordedWork.Current(definition, view);
        var current = currentSteps.Count > 0 ? currentSteps[0] : "organisation-setup";
        var due = WorkflowClock.Today(now).AddDays(5);
        events.AddRange(EventStreamWriter.Accept(SetDeadline.Decide(view, definition, new SetDeadlineCommand(summary.Id, current, due, "デモ案件の次の締切"), actor, now)));

        session.Events.Append(summary.Id, events.ToArray());
        await session.SaveChangesAsync(ct);
    }
}

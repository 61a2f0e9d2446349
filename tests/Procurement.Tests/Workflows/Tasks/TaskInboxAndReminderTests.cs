using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Demo;
using Procurement.Features.Users;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Tasks;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Workflows.Tasks;

[Trait("Lane", "Fast")]
public sealed class TaskInboxAndReminderTests : IAsyncLifetime
{
    private WorkflowTestHost _host = null!;
    private readonly CapturingMailer _mailer = new();
    private static readonly Guid Case = DemoData.CaseId;

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(nameof(TaskInboxAndReminderTests), configure: s =>
        {
            s.RemoveAll<IReminderMailer>();
            s.AddSingleton<IReminderMailer>(_mailer);
        });
        await _host.As("officer1").SendAsync(new StartWorkflowCommand(Case, "joint-cloud-procurement"));
        // Today is 2026-04-01 (JST); the first step is due in five days.
        await _host.SendAsync(new SetDeadlineCommand(Case, "study-sessions", new DateOnly(2026, 4, 6)));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private WorkflowReminders Reminders => _host.Services.GetRequiredService<WorkflowReminders>();

    [Fact]
    public async Task The_inbox_lists_steps_the_users_role_may_act_on_with_due_date_and_overdue_flag()
    {
        var officerTasks = await _host.As("officer2").QueryAsync(new MyTasksQuery());
        var task = Assert.Single(officerTasks);
        Assert.Equal(("study-sessions", new DateOnly(2026, 4, 6), 5, false), (task.StepId, task.Due, task.DaysLeft, task.Overdue));
        Assert.Equal("住民情報系システム共同利用（自治体クラウド）調達", task.CaseTitle);
        Assert.Equal($"/Cases/{Case}/Steps/study-sessions", task.PageRoute); // no page of its own yet: the step page
        Assert.True(task.DueSoon);

        Assert.Empty(await _host.As("member1").QueryAsync(new MyTasksQuery()));
        Assert.Empty(await _host.As("admin").QueryAsync(new MyTasksQuery())); // not a member of the group

        _host.Clock.Advance(TimeSpan.FromDays(7));
        var late = Assert.Single(await _host.As("officer1").QueryAsync(new MyTasksQuery()));
        Assert.True(late.Overdue);
        Assert.Equal(-2, late.DaysLeft);
    }

    [Fact]
    public async Task The_inbox_shows_both_parallel_tracks_and_sorts_by_due_date()
    {
        foreach (var step in new[] { "study-sessions", "joint-framework", "internal-briefing" })
        {
            await _host.SendAsync(new CompleteStepCommand(Case, step));
        }
        await _host.SendAsync(new RecordCaseFactCommand(Case, "cost-share-agreed"));
        foreach (var step in new[] { "organisation-setup", "current-system-survey" })
        {
            await _host.SendAsync(new CompleteStepCommand(Case, step));
        }
        var rfi = Assert.Single(await _host.QueryAsync(new MyTasksQuery()));
        Assert.Equal(("rfi-issuance", true), (rfi.StepId, rfi.NeedsDeadline)); // the officer must set the answer deadline
        await _host.SendAsync(new CompleteStepCommand(Case, "rfi-issuance"));
        await _host.SendAsync(new CompleteStepCommand(Case, "rfq-issuance", Skip: true));
        foreach (var step in new[] { "implementation-plan", "business-inventory", "fit-gap" })
        {
            await _host.SendAsync(new CompleteStepCommand(Case, step));
        }
        await _host.SendAsync(new SetDeadlineCommand(Case, "ordinance-revision", new DateOnly(2026, 9, 30)));
        await _host.SendAsync(new SetDeadlineCommand(Case, "procurement-spec", new DateOnly(2026, 8, 31)));

        var officer = await _host.As("officer1").QueryAsync(new MyTasksQuery(TaskSort.Due));
        Assert.Equal(["procurement-spec", "ordinance-revision"], officer.Select(t => t.StepId));

        var legal = await _host.As("legal").QueryAsync(new MyTasksQuery());
        Assert.Equal(2, legal.Count); // legal staff act on both the ordinance and the specification
    }

    [Fact]
    public async Task Reminders_are_recorded_once_per_user_step_and_due_date_and_mailed_only_when_configured()
    {
        await _host.Store.LightweightSession().Using(async s =>
        {
            var officer1 = await s.LoadAsync<UserAccount>(_host.Accounts["officer1"].Id);
            officer1!.Email = "takamori@example.lg.jp";
            s.Store(officer1);
            await s.SaveChangesAsync();
        });

        Assert.Empty(await Reminders.RunAsync(daysBefore: 3)); // due in 5 days: too early

        _host.Clock.Advance(TimeSpan.FromDays(2));
        var first = await Reminders.RunAsync(daysBefore: 3);
        Assert.Equal(["officer1", "officer2"], first.Select(r => _host.Accounts.Single(a => a.Value.Id == r.UserId).Key).Order(StringComparer.Ordinal));
        Assert.All(first, r => Assert.Equal(("study-sessions", new DateOnly(2026, 4, 6)), (r.StepId, r.Due)));
        Assert.True(first.Single(r => r.UserId == _host.Accounts["officer1"].Id).Mailed);
        Assert.False(first.Single(r => r.UserId == _host.Accounts["officer2"].Id).Mailed); // no address
        var mail = Assert.Single(_mailer.Sent);
        Assert.Equal("takamori@example.lg.jp", mail.To);
        Assert.Contains("勉強会・情報収集", mail.Subject);
        Assert.Contains("あと3日", mail.Body);

        Assert.Empty(await Reminders.RunAsync(daysBefore: 3)); // idempotent
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Reminders.RunAsync(daysBefore: 3));

        // Moving the due date is a new reason to remind.
        await _host.As("officer1").SendAsync(new SetDeadlineCommand(Case, "study-sessions", new DateOnly(2026, 4, 5)));
        Assert.Equal(2, (await Reminders.RunAsync(daysBefore: 3)).Count);

        var task = Assert.Single(await _host.As("officer2").QueryAsync(new MyTasksQuery()));
        Assert.NotNull(task.RemindedAt);
    }

    [Fact]
    public async Task Only_the_system_runs_the_reminders_a_person_even_an_administrator_is_refused()
    {
        _host.Clock.Advance(TimeSpan.FromDays(3));
        var admin = new FixedCurrentUser(_host.Accounts["officer1"].Id, "高森 花子", Roles.Officer, Roles.Admin);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reminders.RunAsAsync(admin, daysBefore: 3));
        await using (var s = _host.Store.QuerySession())
        {
            Assert.Empty((await s.LoadAsync<CaseWorkflowView>(Case))!.Reminders);
        }
        Assert.NotEmpty(await Reminders.RunAsAsync(new SystemUser(), daysBefore: 3));
    }

    [Fact]
    public async Task A_reminder_recorded_while_a_page_is_open_does_not_make_the_page_stale()
    {
        var page = (await _host.As("officer1").QueryAsync(new StepDetailsQuery(Case, "study-sessions")))!;
        _host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.NotEmpty(await Reminders.RunAsync(daysBefore: 3));

        var view = await _host.SendAsync(new CompleteStepCommand(Case, "study-sessions", ExpectedVersion: page.Version));

        Assert.True(view.IsCompleted("study-sessions"));
        await Assert.ThrowsAsync<Procurement.Infrastructure.Validation.StaleVersionException>(() =>
            _host.SendAsync(new SetDeadlineCommand(Case, "joint-framework", new DateOnly(2026, 5, 1), ExpectedVersion: page.Version)));
    }

    [Fact]
    public async Task Without_smtp_reminders_are_still_recorded_and_nothing_is_sent()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var smtp = new SmtpReminderMailer(configuration);
        Assert.False(smtp.IsConfigured);
        await smtp.SendAsync(new ReminderMail("x@example.jp", "x", "s", "b"), CancellationToken.None); // no server, no error

        var reminders = new WorkflowReminders(_host.Store, _host.Services.GetRequiredService<Procurement.Features.Workflows.Definitions.WorkflowCatalog>(),
            _host.Clock, smtp, Microsoft.Extensions.Logging.Abstractions.NullLogger<WorkflowReminders>.Instance);
        _host.Clock.Advance(TimeSpan.FromDays(4));

        var recorded = await reminders.RunAsync(daysBefore: 3);

        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, r => Assert.False(r.Mailed));
        var view = await _host.Store.QuerySession().LoadAsync<CaseWorkflowView>(Case);
        Assert.Equal(2, view!.Reminders.Count);
    }

    private sealed class CapturingMailer : IReminderMailer
    {
        public List<ReminderMail> Sent { get; } = [];
        public bool IsConfigured => true;

        public Task SendAsync(ReminderMail mail, CancellationToken ct)
        {
            Sent.Add(mail);
            return Task.CompletedTask;
        }
    }
}

internal static class SessionExtensions
{
    public static async Task Using(this IDocumentSession session, Func<IDocumentSession, Task> action)
    {
        await using (session) await action(session);
    }
}

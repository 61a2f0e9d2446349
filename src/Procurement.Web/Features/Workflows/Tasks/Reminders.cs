using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Database;

namespace Procurement.Features.Workflows.Tasks;

public sealed record ReminderMail(string To, string ToName, string Subject, string Body);

public interface IReminderMailer
{
    /// <summary>False when no SMTP server is configured: reminders are then only shown in the app.</summary>
    bool IsConfigured { get; }

    Task SendAsync(ReminderMail mail, CancellationToken ct);
}

/// <summary>MailKit over the server in Smtp:Host (Smtp:Port, Smtp:From, Smtp:UserName, Smtp:Password, Smtp:StartTls).</summary>
public sealed class SmtpReminderMailer(IConfiguration configuration) : IReminderMailer
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration["Smtp:Host"]);

    public async Task SendAsync(ReminderMail mail, CancellationToken ct)
    {
        if (!IsConfigured) return;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "procurement@localhost"));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient();
        var port = int.TryParse(configuration["Smtp:Port"], out var p) ? p : 25;
        var security = configuration.GetValue("Smtp:StartTls", false) ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
        await client.ConnectAsync(configuration["Smtp:Host"]!, port, security, ct);
        if (configuration["Smtp:UserName"] is { Length: > 0 } userName)
        {
            await client.AuthenticateAsync(userName, configuration["Smtp:Password"] ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Records a reminder for every user who may act on an active step due within N days (overdue ones
/// included), once per user, step and due date: running it again changes nothing, and moving the due
/// date makes a new reminder. E-mail goes out only when SMTP is configured and the user has an address.
/// It writes outside the mediator, across every group, so its access rule admits the system only.
/// </summary>
[Access(Access.System, Reason = "background work across every group; no person runs it")]
public sealed class WorkflowReminders(IDocumentStore store, WorkflowCatalog catalog, TimeProvider clock, IReminderMailer mailer, ILogger<WorkflowReminders> logger)
{
    /// <summary>A run by the system itself (the schedule).</summary>
    public Task<IReadOnlyList<ReminderRecorded>> RunAsync(int daysBefore, CancellationToken ct = default) => RunAsAsync(new SystemUser(), daysBefore, ct);

    /// <summary>A run on behalf of <paramref name="runAs"/>: refused (<see cref="AccessDeniedException"/>) unless the class's rule admits them.</summary>
    public async Task<IReadOnlyList<ReminderRecorded>> RunAsAsync(ICurrentUser runAs, int daysBefore, CancellationToken ct = default)
    {
        await Access.DemandAsync(Access.RuleOf(typeof(WorkflowReminders)), runAs, null, null, null, ct);
        var now = clock.GetUtcNow();
        var today = WorkflowClock.Today(now);
        var horizon = today.AddDays(daysBefore);
        var recorded = new List<ReminderRecorded>();

        await using var query = store.QuerySession();
        var views = await query.Query<CaseWorkflowView>().Where(v => !v.Finished).ToListAsync(ct);
        var users = (await query.Query<UserAccount>().Where(u => u.IsActive).ToListAsync(ct)).ToDictionary(u => u.Id);

        foreach (var view in views)
        {
            if (catalog.Find(view.DefinitionId, view.DefinitionVersion) is not { } definition) continue;
            var due = view.Active
                .Select(a => (Step: definition.FindStep(a.StepId), Due: view.DueFor(a.StepId)))
                .Where(x => x.Step is not null && x.Due is { } d && d <= horizon)
                .ToList();
            if (due.Count == 0) continue;

            var group = await query.LoadAsync<GroupView>(view.GroupId, ct);
            var summary = await query.LoadAsync<CaseSummary>(view.Id, ct);
            if (group is null) continue;
            var events = new List<ReminderRecorded>();
            foreach (var (step, dueDate) in due)
            {
                foreach (var user in group.UserIds.Select(users.GetValueOrDefault).OfType<UserAccount>())
                {
                    var actor = new WorkflowActor(new Actor(user.Id, user.DisplayName), user.Roles.ToHashSet(StringComparer.Ordinal));
                    if (!actor.MayAct(step!)) continue;
                    if (view.Reminders.Any(r => r.StepId == step!.Id && r.UserId == user.Id && r.Due == dueDate)) continue;
                    var mailed = await TryMailAsync(user, summary?.Title ?? "", step!, dueDate!.Value, today, ct);
                    var role = step!.Roles.FirstOrDefault(user.Roles.Contains) ?? Roles.Officer;
                    events.Add(new ReminderRecorded(view.Id, step.Id, user.Id, user.DisplayName, role, dueDate.Value, mailed, Actor.System, now));
                }
            }
            if (events.Count == 0) continue;
            // Through the one write path: the job waits its turn behind an officer's save instead of colliding with it.
            await using var session = store.LightweightSession();
            await session.WriteAsync<CaseWorkflowView>(view.Id, _ => [.. events], ct);
            recorded.AddRange(events);
        }
        return recorded;
    }

    private async Task<bool> TryMailAsync(UserAccount user, string caseTitle, WorkflowStep step, DateOnly due, DateOnly today, CancellationToken ct)
    {
        if (!mailer.IsConfigured || string.IsNullOrWhiteSpace(user.Email)) return false;
        var days = due.DayNumber - today.DayNumber;
        var when = days < 0 ? $"期限（{due:yyyy年M月d日}）を{-days}日過ぎています" : days == 0 ? "本日が期限です" : $"期限（{due:yyyy年M月d日}）まであと{days}日です";
        var mail = new ReminderMail(user.Email, user.DisplayName,
            $"【手続のお知らせ】{step.Title.Ja}（{caseTitle}）",
            $"{user.DisplayName} 様\n\n案件「{caseTitle}」のステップ「{step.Title.Ja}」は{when}。\n" +
            "「自分のタスク」画面から内容を確認してください。\n\n（このメールは自治体クラウド共同調達支援システムから自動送信しています）");
        try
        {
            await mailer.SendAsync(mail, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A mail server outage must not lose the in-app reminder; it is recorded as not mailed.
            logger.LogWarning(ex, "Reminder mail to {User} failed", user.UserName);
            return false;
        }
    }
}

/// <summary>
/// Reminders for the features' tasks (<see cref="ITaskSource"/>), the same list 「自分のタスク」 shows: each task with a
/// due date within N days (overdue included) is reminded once per user, task and due date, recorded as a
/// <see cref="TaskReminderSent"/>; e-mail goes out only when SMTP is configured, otherwise one log line without
/// addresses or contents. Workflow steps keep their own reminders (<see cref="WorkflowReminders"/>).
/// </summary>
[Access(Access.System, Reason = "background work across every group; no person runs it")]
public sealed class TaskReminders(IDocumentStore store, CaseTasks tasks, TimeProvider clock, IReminderMailer mailer, ILogger<TaskReminders> logger)
{
    public async Task<IReadOnlyList<TaskReminderSent>> RunAsync(int daysBefore, CancellationToken ct = default)
    {
        await Access.DemandAsync(Access.RuleOf(typeof(TaskReminders)), new SystemUser(), null, null, null, ct);
        var now = clock.GetUtcNow();
        var today = WorkflowClock.Today(now);
        var horizon = today.AddDays(daysBefore);
        var sent = new List<TaskReminderSent>();
        await using var query = store.QuerySession();
        var accounts = (await query.Query<UserAccount>().Where(u => u.IsActive).ToListAsync(ct)).ToDictionary(u => u.Id);
        foreach (var summary in await query.Query<CaseSummary>().ToListAsync(ct))
        {
            var users = await CaseTasks.UsersOfGroupAsync(query, summary.GroupId, ct);
            foreach (var task in await tasks.FeatureTasksAsync(query, summary, users, today, ct))
            {
                if (task.Due is not { } due || due > horizon) continue;
                var id = TaskReminderSent.IdFor(task, due);
                if (await query.LoadAsync<TaskReminderSent>(id, ct) is not null || !accounts.TryGetValue(task.UserId, out var user)) continue;
                var mailed = await TryMailAsync(user, summary.Title, task, due, today, ct);
                if (!mailed) logger.LogInformation("Task reminder recorded for user {UserId} on case {CaseId} ({Kind}, due {Due}); not mailed", user.Id, summary.Id, task.Kind, due);
                sent.Add(new TaskReminderSent { Id = id, UserId = user.Id, CaseId = summary.Id, Kind = task.Kind, Due = due, Mailed = mailed, At = now });
            }
        }
        if (sent.Count == 0) return sent;
        await using var session = store.LightweightSession();
        session.Store(sent.ToArray());
        await session.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<bool> TryMailAsync(UserAccount user, string caseTitle, PendingTask task, DateOnly due, DateOnly today, CancellationToken ct)
    {
        if (!mailer.IsConfigured || string.IsNullOrWhiteSpace(user.Email)) return false;
        var days = due.DayNumber - today.DayNumber;
        var when = days < 0 ? $"期限（{due:yyyy年M月d日}）を{-days}日過ぎています" : days == 0 ? "本日が期限です" : $"期限（{due:yyyy年M月d日}）まであと{days}日です";
        var args = task.Month is { } month ? [$"{month:yyyy年M月}", .. task.Title.Args.Skip(1)] : task.Title.Args.ToArray();
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, task.Title.Template, args);
        var left = task.Left is null ? "" : $"（{task.Left}）";
        var mail = new ReminderMail(user.Email, user.DisplayName, $"【手続のお知らせ】{title}（{caseTitle}）",
            $"{user.DisplayName} 様\n\n案件「{caseTitle}」の「{title}」{left}は{when}。\n" +
            "「自分のタスク」画面から内容を確認してください。\n\n（このメールは自治体クラウド共同調達支援システムから自動送信しています）");
        try
        {
            await mailer.SendAsync(mail, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Task reminder mail to user {UserId} failed", user.Id);
            return false;
        }
    }
}

/// <summary>One reminder of a feature task: once per user, case, task and due date.</summary>
public sealed class TaskReminderSent
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly Due { get; set; }
    public bool Mailed { get; set; }
    public DateTimeOffset At { get; set; }

    public static string IdFor(PendingTask task, DateOnly due) => $"{task.UserId:N}|{task.CaseId:N}|{task.Key}|{due:yyyy-MM-dd}";
}

/// <summary>
/// Runs the reminders periodically (Procurement:Reminders:DaysBefore, default 3; IntervalMinutes, default 60). With several
/// app instances on one database, each round runs on one instance only: the one that takes the cluster lock
/// <c>reminders</c>; the others skip that round. A round that starts after another instance's round finds its records
/// and sends nothing again, so each reminder is recorded and mailed once. The reminder services (and through them the
/// document store) are resolved at the first round, not at start-up, which the first page does not wait for.
/// </summary>
public sealed class ReminderSchedule(IServiceProvider services, AppDatabase database,
    TimeProvider clock, IConfiguration configuration, ILogger<ReminderSchedule> logger) : BackgroundService
{
    public const string LockName = "reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = configuration.GetValue("Procurement:Reminders:DaysBefore", 3);
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Procurement:Reminders:IntervalMinutes", 60)));
        if (!configuration.GetValue("Procurement:Reminders:Enabled", true)) return;
        try
        {
            // The first run waits a minute so start-up (schema, demo data) is not slowed by it.
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunRoundAsync(days, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Workflow reminders failed; retrying at the next interval");
                }
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round, if this instance takes the lock: false when another instance is running its round now.</summary>
    public async Task<bool> RunRoundAsync(int daysBefore, CancellationToken ct)
    {
        await using var leader = await database.TryLockAsync(LockName, ct);
        if (leader is null)
        {
            logger.LogDebug("Reminder round skipped: another instance is running it");
            return false;
        }
        var reminders = services.GetRequiredService<WorkflowReminders>();
        var taskReminders = services.GetRequiredService<TaskReminders>();
        var counts = services.GetRequiredService<TaskCountRefresher>();
        var recorded = await reminders.RunAsync(daysBefore, ct);
        if (recorded.Count > 0) logger.LogInformation("Recorded {Count} workflow reminders", recorded.Count);
        var sentTasks = await taskReminders.RunAsync(daysBefore, ct);
        if (sentTasks.Count > 0) logger.LogInformation("Recorded {Count} task reminders", sentTasks.Count);
        // What changes with the date alone (a new month's SLA measurements, a proposal window) is recounted here.
        await counts.RefreshAllAsync(ct);
        return true;
    }
}

using System.Diagnostics.Metrics;
using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Users;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Tasks;
using Procurement.Tests.Infrastructure;
using Procurement.Tests.Vendors;

namespace Procurement.Tests.Database;

/// <summary>
/// Two app processes' worth of hosts on one configured database, each on its own loopback port, as behind a load
/// balancer (docs/deployment.md): a user's requests may land on either, and work meant to happen once happens once.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesTests.Pair pair) : IClassFixture<TwoInstancesTests.Pair>
{
    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_instance_are_accepted_by_the_other()
    {
        var (a, b) = pair.Browser();

        // The sign-in form (and its antiforgery cookie) from A, posted to B.
        var token = Token(await a.GetStringAsync("/Account/SignIn"));
        var signIn = await b.PostAsync("/Account/SignIn", Form(token, ("UserName", "officer1"), ("Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The sign-in cookie B issued, read by A; a form of B posted to A.
        var onA = await a.GetAsync(VendorTestKit.Url("/QandA"));
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        var vendor = await b.RegisterVendorAsync("二台目株式会社", "7000012050002");
        await b.SetPeriodAsync();
        var logged = await a.PostAsync(VendorTestKit.Url("/QandA?handler=Question"), Form(Token(await b.GetStringAsync(VendorTestKit.Url("/QandA"))),
            ("Question.VendorId", vendor.ToString()), ("Question.ReceivedOn", "2026-11-10"), ("Question.Text", "冗長構成の範囲は。")));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.Contains((await pair.B.ViewAsync()).Questions, q => q.Text == "冗長構成の範囲は。");
    }

    [Fact]
    public async Task Writes_to_one_case_through_both_instances_at_once_are_each_appended_once_in_order()
    {
        var (officer1A, officer1B) = pair.Browser();
        var (officer2A, officer2B) = pair.Browser();
        await SignInAsync(officer1A, "officer1");
        await SignInAsync(officer2B, "officer2");
        var vendor = await officer1A.RegisterVendorAsync("並行書込株式会社", "4000012090001");
        await officer1A.SetPeriodAsync();
        var before = (await pair.A.ViewAsync()).Questions.Count;
        var eventsBefore = await pair.A.EventCountAsync();

        const int count = 16;
        // Each request goes to the other instance than the one that served its form.
        var clients = new[] { (officer1A, officer1B), (officer2B, officer2A) };
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var (formFrom, postTo) = clients[i % 2];
            var token = Token(await formFrom.GetStringAsync(VendorTestKit.Url("/QandA")));
            return await postTo.PostAsync(VendorTestKit.Url("/QandA?handler=Question"), Form(token,
                ("Question.VendorId", vendor.ToString()), ("Question.ReceivedOn", "2026-11-10"), ("Question.Text", $"並行質問{i:00}")));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var questions = (await pair.B.ViewAsync()).Questions;
        Assert.Equal(before + count, questions.Count);
        Assert.Equal(Enumerable.Range(1, before + count), questions.Select(q => q.Number).Order());
        Assert.Equal(eventsBefore + count, await pair.A.EventCountAsync());

        await using var session = pair.A.Store.QuerySession();
        var versions = (await session.Events.FetchStreamAsync(DemoData.CaseId)).Select(e => e.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task Reminder_rounds_run_on_both_instances_at_once_record_and_mail_each_reminder_once()
    {
        await pair.PrepareDueStepAsync();

        var rounds = await Task.WhenAll(
            Pair.Schedule(pair.A).RunRoundAsync(3650, CancellationToken.None), Pair.Schedule(pair.B).RunRoundAsync(3650, CancellationToken.None),
            Pair.Schedule(pair.A).RunRoundAsync(3650, CancellationToken.None), Pair.Schedule(pair.B).RunRoundAsync(3650, CancellationToken.None));
        Assert.Contains(true, rounds);
        // And once more after the others: the records of the first round keep it from sending again.
        Assert.True(await Pair.Schedule(pair.B).RunRoundAsync(3650, CancellationToken.None));

        await using var session = pair.A.Store.QuerySession();
        var workflowReminders = (await session.Events.FetchStreamAsync(DemoData.CaseId)).Select(e => e.Data).OfType<ReminderRecorded>().ToList();
        var taskReminders = await session.Query<TaskReminderSent>().ToListAsync();
        Assert.NotEmpty(workflowReminders);
        Assert.Equal(workflowReminders.Count, workflowReminders.DistinctBy(r => (r.StepId, r.UserId, r.Due)).Count());

        var mailed = workflowReminders.Count(r => r.Mailed) + taskReminders.Count(r => r.Mailed);
        Assert.True(mailed > 0);
        Assert.Equal(mailed, pair.Mailer.Sent.Count);
        Assert.Equal(pair.Mailer.Sent.Count, pair.Mailer.Sent.Distinct().Count());
    }

    [Fact]
    public async Task A_PDF_asked_for_on_both_instances_at_once_is_converted_once_and_both_get_it()
    {
        if (!pair.A.Services.GetRequiredService<PdfConverter>().IsAvailable) return; // LibreOffice is part of the test prerequisites; not on a bare machine
        var docx = VendorTestKit.Docx($"二台で同時に求めたPDF {Guid.NewGuid()}");
        var conversions = 0;
        using var listener = new MeterListener();
        var scopes = new[] { pair.A, pair.B }.Select(app => app.Services.GetRequiredService<IMeterFactory>()).ToHashSet();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "procurement.pdf.conversions" && scopes.Contains(instrument.Meter.Scope as IMeterFactory ?? throw new InvalidOperationException()))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref conversions, (int)value));
        listener.Start();

        var pdfs = await Task.WhenAll(new[] { pair.A, pair.B, pair.A, pair.B }.Select(async app =>
        {
            await using var session = app.Store.LightweightSession();
            return await app.Services.GetRequiredService<PdfCopies>().GetOrConvertAsync(session, DemoData.CaseId, docx, CancellationToken.None);
        }));

        Assert.Equal(1, conversions);
        Assert.All(pdfs, pdf => Assert.Equal(pdfs[0], pdf));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdfs[0], 0, 4), StringComparison.Ordinal);
    }

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsync("/Account/SignIn", Form(Token(await client.GetStringAsync("/Account/SignIn")), ("UserName", userName), ("Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Token(string page) => HttpClientForms.AntiforgeryToken(page);

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));

    /// <summary>Two hosts started at the same moment on one seeded database whose key ring is empty, as on a first deployment.</summary>
    public sealed class Pair : IAsyncLifetime
    {
        public AppFactory A { get; private set; } = null!;
        public AppFactory B { get; private set; } = null!;
        public CountingMailer Mailer { get; } = new();
        private string _urlA = "", _urlB = "";

        public async Task InitializeAsync()
        {
            var connectionString = await TestDatabase.CreateSeededAsync(nameof(TwoInstancesTests), AppFactory.StartTime);
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var keys = new NpgsqlCommand(
                    "do $$ declare t text; begin for t in select format('%I.%I', table_schema, table_name) from information_schema.tables " +
                    "where table_name = 'mt_doc_dataprotectionkey' loop execute 'delete from ' || t; end loop; end $$", connection);
                await keys.ExecuteNonQueryAsync();
            }
            var started = await Task.WhenAll(Task.Run(() => Start(connectionString)), Task.Run(() => Start(connectionString)));
            (A, B) = (started[0], started[1]);
            (_urlA, _urlB) = (Address(A), Address(B));
        }

        private AppFactory Start(string connectionString)
        {
            var app = new AppFactory(connectionString)
            {
                ConfigureTestServices = s =>
                {
                    s.RemoveAll<IReminderMailer>();
                    s.AddSingleton<IReminderMailer>(Mailer);
                },
            };
            app.UseKestrel(0);
            app.StartServer();
            return app;
        }

        private static string Address(AppFactory app) =>
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        /// <summary>One browser's view of the two instances: a cookie jar shared by a client for each (cookies ignore the port).</summary>
        public (HttpClient A, HttpClient B) Browser()
        {
            var jar = new CookieContainer();
            HttpClient Client(string url) => new(new HttpClientHandler { CookieContainer = jar, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            return (Client(_urlA), Client(_urlB));
        }

        public static ReminderSchedule Schedule(AppFactory app) => app.Services.GetServices<IHostedService>().OfType<ReminderSchedule>().Single();

        /// <summary>The demo case's workflow with its first step due in two days, and every user with an address to mail.</summary>
        public async Task PrepareDueStepAsync()
        {
            await using (var session = A.Store.LightweightSession())
            {
                foreach (var user in await session.Query<UserAccount>().ToListAsync())
                {
                    user.Email = $"{user.UserName}@example.lg.jp";
                    session.Store(user);
                }
                await session.SaveChangesAsync();
            }
            var officer = await A.AsAsync("officer1");
            await using var query = A.Store.QuerySession();
            if (await query.LoadAsync<CaseWorkflowView>(DemoData.CaseId) is null)
            {
                await officer.Send(m => m.Send(new StartWorkflowCommand(DemoData.CaseId, "joint-cloud-procurement")));
            }
            await using var again = A.Store.QuerySession();
            var view = await again.LoadAsync<CaseWorkflowView>(DemoData.CaseId);
            var due = DateOnly.FromDateTime(AppFactory.StartTime.UtcDateTime).AddDays(2);
            foreach (var step in view!.Active)
            {
                await officer.Send(m => m.Send(new SetDeadlineCommand(DemoData.CaseId, step.StepId, due)));
            }
        }

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }

    public sealed class CountingMailer : IReminderMailer
    {
        private readonly List<ReminderMail> _sent = [];
        public IReadOnlyList<ReminderMail> Sent { get { lock (_sent) return [.. _sent]; } }
        public bool IsConfigured => true;

        public Task SendAsync(ReminderMail mail, CancellationToken ct)
        {
            lock (_sent) _sent.Add(mail);
            return Task.CompletedTask;
        }
    }
}

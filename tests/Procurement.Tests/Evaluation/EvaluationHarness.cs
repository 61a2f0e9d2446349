using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

/// <summary>
/// The real handlers, validators and queries of the app (its own container, no HTTP), acting as any demo user per
/// call, with evaluation set-up steps on top. A thin layer over <see cref="AppFactory"/>: a test class shares one
/// through <see cref="SharedApp.EvaluationAsync"/>, or starts its own with <see cref="StartAsync"/>.
/// </summary>
public sealed class EvaluationHarness : IAsyncDisposable
{
    private readonly AppFactory _app;
    private readonly bool _ownsApp;
    public FakeTimeProvider Clock => _app.Clock;
    public Guid CaseId { get; } = DemoData.CaseId;
    public static readonly Guid VendorA = new("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid VendorB = new("bbbbbbbb-0000-0000-0000-000000000002");

    public EvaluationHarness(AppFactory app, bool ownsApp = false)
    {
        _app = app;
        _ownsApp = ownsApp;
    }

    /// <summary>An app of its own (disposed with the harness).</summary>
    public static async Task<EvaluationHarness> StartAsync(string hint) => new(await AppFactory.StartAsync(hint), ownsApp: true);

    public AppFactory App => _app;

    public IDocumentStore Store => _app.Store;

    public async Task<UserAccount> UserAsync(string userName)
    {
        await using var session = Store.QuerySession();
        return await session.Query<UserAccount>().SingleAsync(u => u.UserName == userName);
    }

    /// <summary>Adds a committee-role user to the demo group (for committees larger than the demo's three).</summary>
    public async Task<UserAccount> AddCommitteeUserAsync(string userName)
    {
        var account = new UserAccount { Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = UserAccount.Normalize(userName), DisplayName = userName, Roles = [Roles.Committee] };
        await using var session = Store.LightweightSession();
        session.Store(account);
        session.Events.Append(DemoData.GroupId, new UserAddedToGroup(DemoData.GroupId, account.Id, userName, Actor.System, Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return account;
    }

    public async Task<T> As<T>(string userName, Func<IMediator, EvaluationQueries, Task<T>> act)
    {
        var account = await UserAsync(userName);
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUserSlot>().User = new FixedCurrentUser(account.Id, account.DisplayName, [.. account.Roles]);
        return await act(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider.GetRequiredService<EvaluationQueries>());
    }

    public Task<T> Send<T>(string userName, ICommand<T> command) => As(userName, async (m, _) => await m.Send(command));

    public Task<T> Query<T>(string userName, Func<EvaluationQueries, Task<T>> query) => As(userName, (_, q) => query(q));

    /// <summary>Two vendors, criteria 1-1 (5段階, 配点 50) and 1-2 (number, 配点 50), average, 加算方式 2:1, members member1, member2 and chair.</summary>
    public async Task SetUpCommitteeAsync(bool open = true)
    {
        await Send("officer1", new Procurement.Features.Evaluation.Committee.AddEvaluationVendor(CaseId, VendorA, "甲システム株式会社"));
        await Send("officer1", new Procurement.Features.Evaluation.Committee.AddEvaluationVendor(CaseId, VendorB, "乙情報サービス株式会社"));
        await Send("officer1", new Procurement.Features.Evaluation.Criteria.DefineCriteria(CaseId, Criteria, Settings));
        foreach (var (user, chair) in new[] { ("member1", false), ("member2", false), ("chair", true) })
        {
            await Send("officer1", new Procurement.Features.Evaluation.Committee.AppointCommitteeMember(CaseId, (await UserAsync(user)).Id, chair));
        }
        if (open) await Send("officer1", new Procurement.Features.Evaluation.Criteria.OpenProposals(CaseId));
    }

    /// <summary>
    /// On the seeded demo evaluation, member1, member2 and the chair declare no conflict and submit: 5段階 A 3, B 4,
    /// C 5, every ○ and 合, 10 for numbers — a final ranking C, B, A once the chair closes.
    /// </summary>
    public async Task ScoreDemoAsync()
    {
        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).ToList();
        var vendors = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC };
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await Send(member, new Procurement.Features.Evaluation.Committee.DeclareConflictOfInterest(CaseId, [], ""));
            await Send(member, new Procurement.Features.Evaluation.ScoreSheets.SaveScoreDraft(CaseId, vendors.SelectMany((v, vi) => items.Select(i =>
                new Procurement.Features.Evaluation.ScoreSheets.ScoreEntry(v, i.Id, i.Scale switch
                {
                    ScaleKind.FiveLevel => 3 + vi,
                    ScaleKind.FitGap => Marks.Fit,
                    ScaleKind.PassFail => Marks.Pass,
                    _ => 10,
                }))).ToList()));
            await Send(member, new Procurement.Features.Evaluation.ScoreSheets.SubmitScoreSheet(CaseId));
        }
    }

    public static readonly IReadOnlyList<CriteriaCategory> Criteria =
    [
        new("1", "提案内容", [new CriteriaItem("1-1", "業務機能の網羅性", 50, ScaleKind.FiveLevel), new CriteriaItem("1-2", "運用保守体制", 50, ScaleKind.Number)]),
    ];

    public static readonly EvaluationSettings Settings = new(Aggregation.Average, PriceMethod.Additive, TechnicalWeight: 2, PriceWeight: 1,
        Rounding: new RoundingSettings(RoundingRule.Exact, RoundingRule.Exact, new RoundingRule(RoundingMode.Truncate, 3), new RoundingRule(RoundingMode.Truncate, 2)));

    public async ValueTask DisposeAsync()
    {
        if (_ownsApp) await _app.DisposeAsync();
    }
}

using Procurement.Features.Groups;
using Procurement.Features.Users;

namespace Procurement.Features.Demo;

/// <summary>
/// Demo mode (Procurement:Demo=true, set by the README's run command): a four-town group, one demo
/// case and one account per role. Outside demo mode nothing here runs and no default password exists.
/// </summary>
public static class DemoData
{
    public const string Password = "demo-pass-2026";

    public static readonly (string UserName, string DisplayName, string Role)[] Users =
    [
        ("admin", "管理 太郎", Roles.Admin),
        ("officer1", "高森 花子", Roles.Officer),
        ("officer2", "松川 次郎", Roles.Officer),
        ("member1", "豊丘 一郎", Roles.Committee),
        ("member2", "喬木 由美", Roles.Committee),
        ("chair", "南 信夫（委員長）", Roles.Committee),
        ("legal", "法務 三郎", Roles.Legal),
    ];

    public static readonly Guid GroupId = new("6a0f3c1e-2b59-4c35-9a7e-000000000001");
    public static readonly Guid CaseId = new("6a0f3c1e-2b59-4c35-9a7e-000000000101");

    public static async Task SeedDemoDataIfEnabledAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Procurement:Demo")) return;
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await SeedAsync(store, clock, scope.ServiceProvider.GetRequiredService<PasswordService>());
        await SeedStoryAsync(scope.ServiceProvider);
    }

    /// <summary>
    /// The demo case's work across features, in the order it happened: the vendors on the case with their RFI answers,
    /// estimates and proposals on file, then the evaluation of those same vendors (criteria, committee, opened proposals,
    /// sealed prices), ready for scoring. Each part does nothing when already seeded.
    /// </summary>
    public static async Task SeedStoryAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        await Vendors.VendorDemo.SeedAsync(store, services.GetRequiredService<Vendors.Files.IVendorFileStore>(), clock, ct);
        await Evaluation.EvaluationDemo.SeedAsync(store, clock, ct);
    }

    public static async Task SeedAsync(IDocumentStore store, TimeProvider clock, PasswordService passwords, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<UserAccount>().AnyAsync(ct)) return; // seeded before: never overwrite what users changed

        var now = clock.GetUtcNow();
        var accounts = Users.Select(u => UserAccount.Create(u.UserName, u.DisplayName, [u.Role], Password, passwords, now)).ToList();
        session.Store(accounts.ToArray());

        var by = Actor.System;
        var members = new List<MemberMunicipality>
        {
            new("高森町", 12_716, new DateOnly(2025, 9, 30)),
            new("松川町", 12_476, new DateOnly(2025, 9, 30)),
            new("豊丘村", 6_338, new DateOnly(2025, 9, 30)),
            new("喬木村", 5_936, new DateOnly(2025, 9, 30)),
        };
        var groupEvents = new List<object>
        {
            new GroupCreated(GroupId, "南信州町村自治体クラウド協議会", OrganisationForm.Council, members, "高森町", by, now),
        };
        groupEvents.AddRange(accounts.Where(a => !a.Roles.Contains(Roles.Admin))
            .Select(a => new UserAddedToGroup(GroupId, a.Id, a.DisplayName, by, now)));
        session.Events.StartStream<GroupView>(GroupId, groupEvents.ToArray());

        session.Events.StartStream<CaseSummary>(CaseId, new CaseOpened(
            CaseId, GroupId, "住民情報系システム共同利用（自治体クラウド）調達",
            ["jukiki", "koseki", "kojin-jumin", "kokuho", "kaigo", "jidoteate"],
            CloudForm.SaaS, new DateOnly(2028, 4, 1), 480_000_000, by, now));

        await session.SaveChangesAsync(ct);
    }
}

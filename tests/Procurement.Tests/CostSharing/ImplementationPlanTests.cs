using System.Globalization;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.FitGap;
using Procurement.Features.Survey;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.CostSharing;

/// <summary>
/// The 導入計画 generated from the demo case through the real handlers on PostgreSQL: undecided sections say 未確定;
/// after the survey, the fit &amp; gap and a recorded cost share, the document shows exactly the recorded yen.
/// </summary>
public sealed class ImplementationPlanTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private ActingUser _asOfficer = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        _asOfficer = await ActingUser.StartAsync(_app, "officer1", Roles.Officer);
    }

    public async Task DisposeAsync()
    {
        await _asOfficer.DisposeAsync();
    }

    private Task<T> Send<T>(Func<IMediator, ValueTask<T>> send) => _asOfficer.Send(send);

    private async Task<string> GeneratePlanTextAsync()
    {
        var generated = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "implementation-plan", WorkingDraft: true)));
        var file = await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, "implementation-plan", generated.Version)));
        Assert.Empty(DocumentRenderer.Validate(file!.Bytes));
        return DocxText.Extract(file.Bytes);
    }

    private static RecordCostShareCommand CostShare() => new(
        DemoData.CaseId, "導入計画（案）の費用分担",
        [new(ShareBasis.Equal, 20), new(ShareBasis.Population, 80)], RemainderRule.LargestRemainder, LeavingRule.FullYear,
        [
            new("高森町", 12_716, 0, null, null), new("松川町", 12_476, 0, null, null), new("豊丘村", 6_338, 0, null, null),
            new("喬木村", 5_936, 0, null, null), new("阿智村", 6_100, 0, new DateOnly(2029, 10, 1), null),
        ],
        "高森町",
        [(2028, 96_000_001), (2029, 66_000_003), (2030, 66_000_000)]);

    [Fact]
    public async Task Before_anything_is_recorded_the_planning_sections_say_undecided()
    {
        var text = await GeneratePlanTextAsync();

        Assert.Contains("費用分担は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("現行システム概要調査の結果は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("フィット&ギャップ分析の結果は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("改正が必要な条例・規則等は、〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("| 高森町（代表団体） | 12,716人 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_recording_the_plan_shows_every_members_recorded_yen_and_the_columns_add_up_to_the_totals()
    {
        var years = await Send(m => m.Send(CostShare()));
        await Send(m => m.Send(new RecordCurrentSystemsCommand(DemoData.CaseId,
        [
            new(Guid.NewGuid(), "高森町", "jukiki", "総合住民情報システム TK-Navi", "株式会社南信情報サービス", ContractForm.Lease,
                new DateOnly(2021, 4, 1), new DateOnly(2027, 3, 31), 2_400_000, 6_000_000, 2, "LGWAN", "", ""),
            new(Guid.NewGuid(), "松川町", "jukiki", "住民記録システム ALPS-R", "信州情報システム株式会社", ContractForm.Lease,
                new DateOnly(2022, 10, 1), new DateOnly(2028, 3, 31), 2_100_000, 5_400_000, 1, "LGWAN", "", ""),
        ], "画面入力")));
        await Send(async m =>
        {
            await m.Send(new ImportFunctionListCommand(DemoData.CaseId, "住民情報パッケージ Ver.5",
                [new("F-01", "住民記録", "転入届", FunctionKind.Function), new("F-02", "証明", "印鑑登録証明書", FunctionKind.Form)]));
            await m.Send(new AssessFunctionCommand(DemoData.CaseId, "F-01", Fit.Fit, null, "", "住民課", ""));
            return await m.Send(new AssessFunctionCommand(DemoData.CaseId, "F-02", Fit.Gap, GapDecision.Customise, "様式が規則で定められている", "住民課", "印鑑条例施行規則"));
        });

        var text = await GeneratePlanTextAsync();

        // The year table: one row per member with the calculator's yen, the joiner marked － before it joins.
        foreach (var name in new[] { "高森町", "松川町", "豊丘村", "喬木村", "阿智村" })
        {
            var cells = years.Select(y => y.Shares.FirstOrDefault(s => s.Name == name)?.Amount is { } a ? a.ToString("#,0", CultureInfo.InvariantCulture) : "－");
            Assert.Contains($"| {name} | {string.Join(" | ", cells)}\n", text, StringComparison.Ordinal);
            var member = CostShare().Members.Single(m => m.Name == name);
            var memberTotal = years.Sum(y => y.Shares.FirstOrDefault(s => s.Name == name)?.Amount ?? 0);
            Assert.Contains($"| {name} | {member.Population.ToString("#,0", CultureInfo.InvariantCulture)}人 | {JapaneseDates.Yen(memberTotal)} |", text, StringComparison.Ordinal);
        }
        Assert.Contains("| 合計 | 96,000,001 | 66,000,003 | 66,000,000\n", text, StringComparison.Ordinal);
        Assert.Contains($"| 合計 |  | {JapaneseDates.Yen(96_000_001 + 66_000_003 + 66_000_000)} |", text, StringComparison.Ordinal);

        // What the document prints adds up: every year column of the table sums to its 合計 row.
        var rows = text.Split('\n').SkipWhile(l => !l.StartsWith("|! 団体名 | 令和10年度", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        long Cell(string row, int i) => row.Split(" | ")[i].Trim() is var c && c == "－" ? 0 : long.Parse(c, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        for (var i = 1; i <= years.Count; i++)
        {
            Assert.Equal(Cell(rows[^1], i), rows[..^1].Sum(r => Cell(r, i)));
            Assert.Equal(years[i - 1].Total, Cell(rows[^1], i));
        }

        // The breakdown by basis, one table per year. 令和10年度 (4 members; 阿智村 joins in 令和11年度): 均等割 96,000,001 × 20% ÷ 4
        // = 4,800,000.05 → 4,800,000 each; 人口割 76,800,000.8 × 12,716 ÷ 37,466 = 26,066,001.45… → 26,066,001 for 高森町; the parts
        // floor to 95,999,999 in all, and the 2 yen left go to the largest fractions of the exact shares (豊丘村 .60, 高森町 .50).
        Assert.Contains("各年度の負担額の内訳は、次のとおりである。", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("|! 団体名 | 均等割 | 人口割 | 端数調整 | 負担額", StringComparison.Ordinal)));
        Assert.Contains("| 高森町 | 4,800,000 | 26,066,001 | 1 | 30,866,002\n", text, StringComparison.Ordinal);
        Assert.Contains("| 松川町 | 4,800,000 | 25,574,035 | 0 | 30,374,035\n", text, StringComparison.Ordinal);
        Assert.Contains("| 合計 | 19,200,000 | 76,799,999 | 2 | 96,000,001\n", text, StringComparison.Ordinal);

        Assert.Contains("配分の方法は、均等割20%・人口割80%とする。", text, StringComparison.Ordinal);
        Assert.Contains("令和7年9月30日現在の住民基本台帳人口による。", text, StringComparison.Ordinal);
        Assert.Contains("切り捨てた端数の大きい団体から順に1円ずつ加算する。", text, StringComparison.Ordinal);
        Assert.Contains("令和11年10月1日から参加", text, StringComparison.Ordinal);
        Assert.DoesNotContain("費用分担は、〔未確定事項", text, StringComparison.Ordinal);

        // The survey's warning and the fit & gap's rate and rule, as their pages show them.
        Assert.Contains("| 高森町 | 住民基本台帳 | 令和9年3月31日 | 稼働予定日より前に満了します（延長契約が必要です）。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| 松川町 | 住民基本台帳 | 令和10年3月31日 | 稼働予定日", text, StringComparison.Ordinal);
        Assert.Contains("本稼働予定日より前に満了する契約は、本稼働までの延長契約", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1年以上後に満了する契約は", text, StringComparison.Ordinal);
        Assert.Contains("カスタマイズ率（カスタマイズとした件数を判定済みの件数で除したもの）は、50.0%である。", text, StringComparison.Ordinal);
        Assert.Contains("| 印鑑条例施行規則 | 印鑑登録証明書", text, StringComparison.Ordinal);
        Assert.Contains("| 豊丘村 | 0件 | － | －", text, StringComparison.Ordinal);
    }
}

using Procurement.Features.Evaluation.Demonstrations;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Validation;
using static Procurement.Tests.Evaluation.EvaluationHarness;

using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class DemonstrationCalendarTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await shared.EvaluationAsync();
        await _h.SetUpCommitteeAsync(open: false);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public async Task Each_slot_and_the_whole_schedule_export_as_ics_in_utc()
    {
        await _h.Send("officer1", new DefineDemonstrationScenario(_h.CaseId,
            [new CriteriaItem("D-1", "転入届の受付から住民票の写しの交付まで", 10, ScaleKind.FiveLevel)], null));
        var slotA = await _h.Send("officer1", new ScheduleDemonstration(_h.CaseId, Guid.Empty, VendorA,
            new DateTimeOffset(2027, 1, 20, 10, 0, 0, Jst), new DateTimeOffset(2027, 1, 20, 10, 30, 0, Jst), "高森町役場 大会議室", 3, "説明20分・質疑10分"));
        await _h.Send("officer1", new ScheduleDemonstration(_h.CaseId, Guid.Empty, VendorB,
            new DateTimeOffset(2027, 1, 20, 11, 0, 0, Jst), new DateTimeOffset(2027, 1, 20, 11, 30, 0, Jst), "高森町役場 大会議室", 3, null));

        var one = Unfold(await _h.Query("member1", q => q.GetDemonstrationCalendarAsync(_h.CaseId, slotA)));
        var all = Unfold(await _h.Query("member1", q => q.GetDemonstrationCalendarAsync(_h.CaseId, null)));

        Assert.StartsWith("BEGIN:VCALENDAR", one, StringComparison.Ordinal);
        Assert.Equal(1, one.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART:20270120T010000Z", one, StringComparison.Ordinal); // 10:00 JST = 01:00 UTC
        Assert.Contains("DTEND:20270120T013000Z", one, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:デモンストレーション: 甲システム株式会社", one, StringComparison.Ordinal);
        Assert.Contains("LOCATION:高森町役場 大会議室", one, StringComparison.Ordinal);
        Assert.Contains($"UID:{slotA:N}@procurement", one, StringComparison.Ordinal);
        Assert.Contains("出席者の上限: 3名", one, StringComparison.Ordinal);
        Assert.Contains("D-1 転入届の受付から住民票の写しの交付まで", one, StringComparison.Ordinal);
        Assert.Equal(2, all.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SUMMARY:デモンストレーション: 乙情報サービス株式会社", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_slots_are_refused()
    {
        await _h.Send("officer1", new ScheduleDemonstration(_h.CaseId, Guid.Empty, VendorA,
            new DateTimeOffset(2027, 1, 20, 10, 0, 0, Jst), new DateTimeOffset(2027, 1, 20, 10, 30, 0, Jst), "大会議室", 3, null));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("officer1", new ScheduleDemonstration(_h.CaseId, Guid.Empty, VendorB,
            new DateTimeOffset(2027, 1, 20, 10, 15, 0, Jst), new DateTimeOffset(2027, 1, 20, 10, 45, 0, Jst), "大会議室", 3, null)));

        Assert.Equal("甲システム株式会社のデモンストレーションと時間が重なっています。", refused.Message);
    }

    [Fact]
    public async Task The_scenario_is_scored_like_criteria()
    {
        await _h.Send("officer1", new DefineDemonstrationScenario(_h.CaseId, [new CriteriaItem("D-1", "窓口業務の操作", 10, ScaleKind.FiveLevel)], null));

        var overview = await _h.Query("member1", q => q.GetOverviewAsync(_h.CaseId));

        Assert.Equal(["1", "DEMO"], overview.Criteria.Select(c => c.Id));
        Assert.Equal("D-1", overview.Criteria[1].Items[0].Id);
    }
}

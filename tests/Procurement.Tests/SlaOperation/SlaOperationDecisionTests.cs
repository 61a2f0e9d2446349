using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.SlaOperation;

/// <summary>Recording an SLA period and the year's payment, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class SlaOperationDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000e001");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2028, 5, 7, 1, 0, 0, TimeSpan.Zero);
    private static readonly SlaItem Availability = new(SlaCategory.Availability, "稼働率", "99.9%以上", "監視ツール", "(計画−停止)÷計画");
    private static readonly SlaDefinition Sla = new(SlaPreset.CoreBusiness, [Availability], PenaltySettings.Default, []);
    private static readonly SlaAnnualPaymentSet Paid = new(CaseId, 2028, 12_000_000, By, At);

    private static DecisionSpec<SlaOperationViewProjection, SlaOperationView> Spec() =>
        new DecisionSpec<SlaOperationViewProjection, SlaOperationView>().Given(Paid);

    [Fact]
    public void Measurements_are_recorded_for_the_month_the_period_starts_in_against_the_agreed_sla()
    {
        var command = new RecordSlaMeasurementsCommand(CaseId, new DateOnly(2028, 4, 17), 1,
            [new(SlaEvaluation.KeyOf(Availability), "稼働率", " 99.95% ", true, " 監視ログより ")], null);

        Spec().When(_ => SlaOperationDecision.Decide(Sla, command, null, By, At))
            .Then(new SlaMeasurementsRecorded(CaseId, new DateOnly(2028, 4, 1), 1,
                [new(SlaEvaluation.KeyOf(Availability), "稼働率", "99.95%", true, "監視ログより")], null, null, null, By, At));
        Spec().When(_ => SlaOperationDecision.Decide(null, command, null, By, At))
            .ThenRefused("SLAがまだ定義されていません。契約・SLAの画面でSLAを作成してください。");
        Spec().When(_ => SlaOperationDecision.Decide(Sla, command with { Results = [new("その他:不明", "不明", "1", true, "")] }, null, By, At))
            .ThenRefused("SLAにない項目が含まれています。画面を再読み込みしてください。");
        Spec().When(_ => MeasureSlaPeriodDecision.Decide(Sla, new MeasureSlaPeriodCommand(CaseId, new DateOnly(2028, 4, 1), 1,
                new PeriodRecords([], [], [new("その他:不明", 1, 1, null, null, false, null, "", "")]), null, "画面入力"), null, By, At))
            .ThenRefused("SLAにない項目が含まれています。画面を再読み込みしてください。");
    }

    [Fact]
    public void The_years_payment_is_recorded_within_zero_to_a_trillion_yen()
    {
        Spec().When(_ => SlaOperationDecision.Decide(new SetSlaAnnualPaymentCommand(CaseId, 2029, 13_000_000), By, At))
            .Then(new SlaAnnualPaymentSet(CaseId, 2029, 13_000_000, By, At));
        Spec().When(_ => SlaOperationDecision.Decide(new SetSlaAnnualPaymentCommand(CaseId, 2029, -1), By, At))
            .ThenRefused("年間支払額は0円以上1兆円以下の整数で入力してください。");
    }
}

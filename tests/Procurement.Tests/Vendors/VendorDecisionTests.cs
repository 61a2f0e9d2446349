using Procurement.Features.Vendors;
using Procurement.Features.Vendors.QandA;
using Procurement.Features.Vendors.Proposals;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Vendors;

/// <summary>The vendor, Q&amp;A and proposal decisions on the case's vendor stream, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class VendorDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000d001");
    private static readonly Guid VendorId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000d002");
    private static readonly Guid ProposalId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000d003");
    private static readonly Guid QuestionId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000d004");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2026, 12, 18, 17, 0, 0, TimeSpan.FromHours(9));

    private static readonly VendorAddedToCase Added = new(CaseId, VendorId, "株式会社みらい情報", "1234567890123", "東京都千代田区", "山田 太郎", "yamada@example.jp", By, At);
    private static readonly QaPeriodSet Period = new(CaseId, new DateOnly(2026, 12, 1), Deadline, By, At);
    private static readonly ProposalSubmitted OnTime = new(CaseId, ProposalId, VendorId, "株式会社みらい情報", Deadline.AddHours(-1), false, [], By, At);
    private static readonly QuestionLogged Asked = new(CaseId, QuestionId, 1, VendorId, "株式会社みらい情報", new DateOnly(2026, 12, 3), "仕様書3.2の範囲", false, By, At);

    private static DecisionSpec<CaseVendorsProjection, CaseVendors> Spec(params object[] given) =>
        new DecisionSpec<CaseVendorsProjection, CaseVendors>().Given(given);

    [Fact]
    public void An_answer_that_changes_conditions_asks_every_vendor_with_a_proposal_in_to_reconfirm_it_and_is_published_once()
    {
        var answer = new PublishAnswerCommand(CaseId, QuestionId, " 範囲に含みます。 ", ChangesConditions: true);
        var published = new AnswerPublished(CaseId, QuestionId, 1, "範囲に含みます。", true, [VendorId], By, At);

        Spec(Added, Period, OnTime, Asked).When(s => PublishAnswerDecision.Decide(s!, answer, By, At)).Then(published);
        Spec(Added, Period, OnTime, Asked, published).When(s => PublishAnswerDecision.Decide(s!, answer, By, At))
            .ThenRefused("この質問には既に回答を公開しています。");

        var reconfirm = new ReconfirmProposalCommand(CaseId, ProposalId, new DateOnly(2026, 12, 10), "書面で確認");
        Spec(Added, Period, OnTime, Asked, published).When(s => ReconfirmProposalDecision.Decide(s!, reconfirm, By, At))
            .Then(new ProposalReconfirmed(CaseId, ProposalId, "株式会社みらい情報", new DateOnly(2026, 12, 10), "書面で確認", By, At));
        Spec(Added, Period, OnTime, Asked).When(s => ReconfirmProposalDecision.Decide(s!, reconfirm, By, At))
            .ThenRefused("この提案書は再確認の必要がありません。");
    }

    [Fact]
    public void A_proposal_needs_the_period_is_late_only_after_the_deadline_and_comes_from_a_vendor_of_the_case()
    {
        var late = new SubmitProposalCommand(CaseId, VendorId, Deadline.AddMinutes(1), []);
        Spec(Added).When(s => SubmitProposalDecision.Decide(s!, late, ProposalId, [], By, At))
            .ThenRefused("先に質問回答期間（公告日と提案期限）を設定してください。提出期限の判定に使います。");
        Spec(Added, Period).When(s => SubmitProposalDecision.Decide(s!, late, ProposalId, [], By, At))
            .Then(new ProposalSubmitted(CaseId, ProposalId, VendorId, "株式会社みらい情報", Deadline.AddMinutes(1), true, [], By, At));
        Spec(Added, Period).When(s => SubmitProposalDecision.Decide(s!, late with { SubmittedAt = Deadline }, ProposalId, [], By, At))
            .Then(new ProposalSubmitted(CaseId, ProposalId, VendorId, "株式会社みらい情報", Deadline, false, [], By, At));
        Spec(Period).When(s => SubmitProposalDecision.Decide(s!, late, ProposalId, [], By, At)).ThenRefused("この案件に登録されていない事業者です。");
    }

    [Fact]
    public void Questions_are_numbered_on_and_one_received_before_the_notice_is_refused()
    {
        var second = new LogQuestionCommand(CaseId, VendorId, new DateOnly(2026, 12, 19), "質問2");
        Spec(Added, Period, Asked).When(s => LogQuestionDecision.Decide(s!, second, QuestionId, By, At))
            .Then(new QuestionLogged(CaseId, QuestionId, 2, VendorId, "株式会社みらい情報", new DateOnly(2026, 12, 19), "質問2", true, By, At));
        Spec(Added, Period).When(s => LogQuestionDecision.Decide(s!, second with { ReceivedOn = new DateOnly(2026, 11, 30) }, QuestionId, By, At))
            .ThenRefused("受付日が公告日より前です。");
    }

    [Fact]
    public void Flags_as_they_stand_record_nothing_and_a_vendor_already_on_the_case_or_of_another_group_is_refused()
    {
        Spec(Added).When(s => MarkVendorParticipationDecision.Decide(s!, new(CaseId, VendorId, false, false), By, At)).Then();
        Spec(Added).When(s => MarkVendorParticipationDecision.Decide(s!, new(CaseId, VendorId, true, false), By, At))
            .Then(new VendorParticipationMarked(CaseId, VendorId, "株式会社みらい情報", true, false, By, At));

        var groupId = Guid.NewGuid();
        var entry = new VendorDirectoryEntry { Id = VendorId, GroupId = groupId, CompanyName = "株式会社みらい情報", CorporateNumber = "1234567890123" };
        var add = new AddVendorFromDirectoryCommand(CaseId, VendorId);
        Spec(Added).When(s => AddVendorFromDirectoryDecision.Decide(s!, add, entry, groupId, By, At)).ThenRefused("この事業者は既にこの案件に登録されています。");
        Spec(Period).When(s => AddVendorFromDirectoryDecision.Decide(s!, add, entry, Guid.NewGuid(), By, At)).ThenRefused("事業者台帳に見つかりません。");
    }
}

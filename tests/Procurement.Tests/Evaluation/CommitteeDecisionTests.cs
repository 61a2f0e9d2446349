using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Evaluation;

/// <summary>
/// Forming the committee and the vendor list before the proposals are opened: the pure decisions and what the
/// projection makes of their events (seats with their 職, dismissals, removed vendors).
/// </summary>
[Trait("Lane", "Fast")]
public sealed class CommitteeDecisionTests
{
    private static readonly Guid Case = Guid.NewGuid(), Member = Guid.NewGuid(), Chair = Guid.NewGuid(), VendorA = Guid.NewGuid(), VendorB = Guid.NewGuid();
    private static readonly Actor Officer = new(Guid.NewGuid(), "高森 花子");
    private static readonly DateTimeOffset At = new(2027, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static UserAccount Account(Guid id, string name) => new() { Id = id, UserName = name, DisplayName = name, Roles = [Roles.Committee] };

    private static EvaluationView Apply(EvaluationView view, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case CommitteeMemberAppointed x: EvaluationViewProjection.Apply(x, view); break;
                case CommitteeMemberDismissed x: EvaluationViewProjection.Apply(x, view); break;
                case EvaluationVendorAdded x: EvaluationViewProjection.Apply(x, view); break;
                case EvaluationVendorRemoved x: EvaluationViewProjection.Apply(x, view); break;
                case ConflictOfInterestDeclared x: EvaluationViewProjection.Apply(x, view); break;
                default: throw new InvalidOperationException(e.GetType().Name);
            }
        }
        return view;
    }

    private static EvaluationView Appoint(EvaluationView view, Guid id, string name, bool chair, string? position) =>
        Apply(view, AppointCommitteeMemberHandler.Decide(view, new AppointCommitteeMember(Case, id, chair, position), Account(id, name), true, Officer, At).Events);

    private static EvaluationView Formed()
    {
        var view = new EvaluationView();
        Apply(view, [new EvaluationVendorAdded(Case, VendorA, "甲システム株式会社", Officer, At), new EvaluationVendorAdded(Case, VendorB, "乙情報サービス株式会社", Officer, At)]);
        Appoint(view, Member, "豊丘 一郎", false, " 豊丘村 総務課長 ");
        Appoint(view, Chair, "南 信夫", true, "高森町 副町長");
        return view;
    }

    [Fact]
    public void A_seat_keeps_its_trimmed_position_when_made_chair_and_a_blank_position_clears_it()
    {
        var view = Formed();
        Assert.Equal("豊丘村 総務課長", view.Members.Single(m => m.MemberId == Member).Position);

        // The page's 委員長にする button sends no position: the seat keeps its 職 and the former chair stays a member.
        Appoint(view, Member, "豊丘 一郎", true, null);
        Assert.Equal(Member, view.ChairId);
        Assert.Equal("豊丘村 総務課長", view.Members.Single(m => m.MemberId == Member).Position);
        Assert.Equal(2, view.Members.Count);

        Appoint(view, Member, "豊丘 一郎", false, "  ");
        Assert.Null(view.Members.Single(m => m.MemberId == Member).Position);
        Assert.Equal(Member, view.ChairId);
    }

    [Fact]
    public void Appointing_a_seated_member_again_with_nothing_new_records_nothing()
    {
        var view = Formed();
        Assert.Empty(AppointCommitteeMemberHandler.Decide(view, new AppointCommitteeMember(Case, Chair, true, "高森町 副町長"), Account(Chair, "南 信夫"), true, Officer, At).Events);
        Assert.Empty(AppointCommitteeMemberHandler.Decide(view, new AppointCommitteeMember(Case, Member, false), Account(Member, "豊丘 一郎"), true, Officer, At).Events);
    }

    [Fact]
    public void Dismissing_the_chair_before_the_opening_frees_the_chair_and_drops_the_declaration()
    {
        var view = Formed();
        Apply(view, [new ConflictOfInterestDeclared(Case, Chair, [VendorA], "親族が甲に勤務", new Actor(Chair, "南 信夫"), At)]);

        var events = DismissCommitteeMemberHandler.Decide(view, new DismissCommitteeMember(Case, Chair), Officer, At).Events;
        var dismissed = Assert.IsType<CommitteeMemberDismissed>(Assert.Single(events));
        Assert.Equal(("南 信夫", Officer), (dismissed.Name, dismissed.By));
        Apply(view, events);

        Assert.Equal([Member], view.Members.Select(m => m.MemberId));
        Assert.Null(view.ChairId);
        Assert.Null(view.DeclarationOf(Chair));
    }

    [Fact]
    public void After_the_opening_neither_members_nor_vendors_can_be_taken_off()
    {
        var view = Formed();
        view.CriteriaFrozen = true;

        Assert.Equal("提案書の開封後は委員を解任できません。",
            DismissCommitteeMemberHandler.Decide(view, new DismissCommitteeMember(Case, Member), Officer, At).Refusal);
        Assert.Equal("提案書の開封後は評価対象の事業者を除外できません。",
            RemoveEvaluationVendorHandler.Decide(view, new RemoveEvaluationVendor(Case, VendorA), Officer, At).Refusal);
    }

    [Fact]
    public void Someone_not_seated_or_a_vendor_not_evaluated_is_refused_by_name_of_the_problem()
    {
        var view = Formed();
        Assert.Equal("この案件の選定委員ではありません。",
            DismissCommitteeMemberHandler.Decide(view, new DismissCommitteeMember(Case, Guid.NewGuid()), Officer, At).Refusal);
        Assert.Equal("この事業者は評価対象ではありません。",
            RemoveEvaluationVendorHandler.Decide(view, new RemoveEvaluationVendor(Case, Guid.NewGuid()), Officer, At).Refusal);
    }

    [Fact]
    public void A_vendor_with_a_demonstration_slot_or_a_bid_stays_until_those_are_gone()
    {
        var view = Formed();
        view.Demonstrations.Add(new DemonstrationSlot(Guid.NewGuid(), VendorA, At, At.AddHours(1), "大会議室", 10, null));
        view.Bids[VendorB] = 90_000_000;

        Assert.Contains("先に日程を取り消してください",
            RemoveEvaluationVendorHandler.Decide(view, new RemoveEvaluationVendor(Case, VendorA), Officer, At).Refusal!, StringComparison.Ordinal);
        Assert.Equal("入札価格が記録されている事業者は除外できません。",
            RemoveEvaluationVendorHandler.Decide(view, new RemoveEvaluationVendor(Case, VendorB), Officer, At).Refusal);
    }

    [Fact]
    public void A_removed_vendor_leaves_the_list_and_the_members_conflict_declarations()
    {
        var view = Formed();
        Apply(view, [new ConflictOfInterestDeclared(Case, Member, [VendorA, VendorB], "前職", new Actor(Member, "豊丘 一郎"), At)]);

        Apply(view, RemoveEvaluationVendorHandler.Decide(view, new RemoveEvaluationVendor(Case, VendorA), Officer, At).Events);

        Assert.Equal([VendorB], view.Vendors.Select(v => v.VendorId));
        Assert.Equal([VendorB], view.DeclarationOf(Member)!.ConflictedVendorIds);
    }

    [Fact]
    public void The_committee_list_for_documents_prints_each_seat_s_position_chair_first()
    {
        var committee = EvaluationDocumentSource.Committee(Formed())!;
        Assert.Equal("南 信夫", committee.Chair);
        Assert.Equal([("南 信夫", "高森町 副町長", "委員長"), ("豊丘 一郎", "豊丘村 総務課長", "委員")],
            committee.Members.Select(m => (m.Name, m.Position, m.Role)));
    }
}

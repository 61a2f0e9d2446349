using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Proposals;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Vendors;

/// <summary>Stands in for the evaluation feature's declarations and technical close.</summary>
[Trait("Lane", "Fast")]
public sealed class FakeEvaluationGate : IEvaluationGate
{
    public HashSet<Guid> Declared { get; } = [];
    public HashSet<(Guid User, Guid Vendor)> Conflicts { get; } = [];
    public bool TechnicalClosed { get; set; }

    public Task<bool> HasDeclared(Guid caseId, Guid userId, CancellationToken ct = default) => Task.FromResult(Declared.Contains(userId));
    public Task<bool> IsConflicted(Guid caseId, Guid userId, Guid vendorId, CancellationToken ct = default) => Task.FromResult(Conflicts.Contains((userId, vendorId)));
    public Task<bool> IsTechnicalScoringClosed(Guid caseId, CancellationToken ct = default) => Task.FromResult(TechnicalClosed);
}

[Trait("Lane", "Fast")]
public sealed class ProposalAccessTests
{
    private static readonly Guid CaseId = Guid.NewGuid(), VendorA = Guid.NewGuid(), VendorB = Guid.NewGuid();
    private static readonly FixedCurrentUser Member = new(Guid.NewGuid(), "委員", Roles.Committee);
    private static readonly VendorFile Technical = new(Guid.NewGuid(), "提案書.pdf", VendorFileKind.Pdf, 10, "x", PriceEnvelope: false);
    private static readonly VendorFile Price = new(Guid.NewGuid(), "価格.xlsx", VendorFileKind.Xlsx, 10, "y", PriceEnvelope: true);

    [Fact]
    public async Task A_member_who_has_not_declared_opens_nothing()
    {
        var access = new ProposalAccess(new FakeEvaluationGate { TechnicalClosed = true }, Member);

        Assert.Equal(ProposalVisibility.NotDeclared, await access.VisibilityAsync(CaseId));
        Assert.False(await access.CanOpenFileAsync(CaseId, VendorA, Technical));
        Assert.False(await access.CanOpenFileAsync(CaseId, VendorA, Price));
    }

    [Fact]
    public async Task A_declared_member_opens_technical_files_of_vendors_without_conflict_and_prices_only_after_close()
    {
        var gate = new FakeEvaluationGate();
        gate.Declared.Add(Member.Id);
        gate.Conflicts.Add((Member.Id, VendorB));
        var access = new ProposalAccess(gate, Member);

        Assert.True(await access.CanOpenFileAsync(CaseId, VendorA, Technical));
        Assert.False(await access.CanOpenFileAsync(CaseId, VendorA, Price));   // technical scoring still open
        Assert.False(await access.CanOpenFileAsync(CaseId, VendorB, Technical)); // conflicted

        gate.TechnicalClosed = true;
        Assert.True(await access.CanOpenFileAsync(CaseId, VendorA, Price));
        Assert.False(await access.CanOpenFileAsync(CaseId, VendorB, Price));     // a conflict outlives the close
    }

    [Fact]
    public async Task Officers_see_everything_and_legal_staff_see_no_proposals()
    {
        var officer = new ProposalAccess(new FakeEvaluationGate(), new FixedCurrentUser(Guid.NewGuid(), "担当", Roles.Officer));
        var legal = new ProposalAccess(new FakeEvaluationGate(), new FixedCurrentUser(Guid.NewGuid(), "法務", Roles.Legal));

        Assert.True(await officer.CanOpenFileAsync(CaseId, VendorA, Price));
        Assert.Equal(ProposalVisibility.None, await legal.VisibilityAsync(CaseId));
        Assert.False(await legal.CanOpenFileAsync(CaseId, VendorA, Technical));
    }
}

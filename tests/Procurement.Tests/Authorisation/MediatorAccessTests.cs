using Marten;
using Mediator;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Groups;
using Procurement.Features.Workflows;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Authorisation;

/// <summary>
/// Handlers called through the mediator directly, with no page in front: the access rule refuses a user of another
/// group (as not found) and a member without the role (as forbidden), with the one refusal text, before validation.
/// </summary>
public sealed class MediatorAccessTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(MediatorAccessTests));
        await _app.CreateOtherGroupWithOfficerAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<AccessDeniedException> RefusedAsync(string userName, Func<IMediator, Task> send)
    {
        await using var user = await ActingUser.StartAsync(_app, userName);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => user.Send(async m => { await send(m); return 0; }));
        Assert.Equal(AccessDeniedException.Text, ex.Message);
        return ex;
    }

    private static readonly Guid Case = DemoData.CaseId;

    public static TheoryData<string> DocumentRequests => new() { "generate", "list", "file", "pdf", "diff", "audit", "workflow" };

    private static Func<IMediator, Task> Document(string request) => request switch
    {
        "generate" => async m => await m.Send(new GenerateDocument(Case, "procurement-spec", WorkingDraft: true)),
        "list" => async m => await m.Send(new ListDocumentVersions(Case)),
        "file" => async m => await m.Send(new GetDocumentFile(Case, "procurement-spec", 1)),
        "pdf" => async m => await m.Send(new GetDocumentPdf(Case, "procurement-spec", 1)),
        "diff" => async m => await m.Send(new DiffDocumentVersions(Case, "procurement-spec", 1, 2)),
        "audit" => async m => await m.Send(new Features.AuditTrail.GetAuditTrail(Case)),
        _ => async m => await m.Send(new CaseWorkflowQuery(Case)),
    };

    [Theory]
    [MemberData(nameof(DocumentRequests))]
    public async Task An_officer_of_another_group_is_refused_document_requests_as_not_found(string request)
    {
        var ex = await RefusedAsync("outsider", Document(request));
        Assert.True(ex.NotFound);
    }

    [Fact]
    public async Task A_committee_member_of_the_group_may_not_generate_a_document()
    {
        var ex = await RefusedAsync("member1", Document("generate"));
        Assert.False(ex.NotFound);
        await using var s = _app.Store.QuerySession();
        Assert.Null(await s.LoadAsync<CaseDocumentsView>(Case));
    }

    [Fact]
    public async Task A_member_of_the_group_reads_the_document_list_and_an_officer_generates()
    {
        await using var member = await ActingUser.StartAsync(_app, "legal");
        await member.Send(async m => await m.Send(new ListDocumentVersions(Case)));
        await using var officer = await ActingUser.StartAsync(_app, "officer1");
        var generated = await officer.Send(async m => await m.Send(new GenerateDocument(Case, "procurement-spec", WorkingDraft: true)));
        Assert.True(generated.Created);
    }

    private static CreateGroupCommand NewGroup(string name) =>
        new(name, OrganisationForm.Council, [new MemberMunicipality("新町", 1000, new DateOnly(2025, 9, 30))], "新町");

    [Theory]
    [InlineData("member1")]
    [InlineData("legal")]
    public async Task Only_officers_create_groups(string userName)
    {
        var ex = await RefusedAsync(userName, async m => await m.Send(NewGroup("委員が作る協議会")));
        Assert.False(ex.NotFound);
        await using var s = _app.Store.QuerySession();
        Assert.False(await s.Query<GroupView>().AnyAsync(g => g.Name == "委員が作る協議会"));
    }

    [Fact]
    public async Task An_officer_creates_a_group()
    {
        await using var officer = await ActingUser.StartAsync(_app, "officer1");
        var id = await officer.Send(async m => await m.Send(NewGroup("担当者の協議会")));
        await using var s = _app.Store.QuerySession();
        Assert.Equal("担当者の協議会", (await s.LoadAsync<GroupView>(id))!.Name);
    }

    [Fact]
    public async Task Access_is_checked_before_validation_so_a_refused_sender_sees_no_field_messages()
    {
        // An empty title would fail validation; the committee member is refused before that.
        var ex = await RefusedAsync("member1", async m => await m.Send(new ChangeCaseDetailsCommand(Case, 0, "", [], null, null, null)));
        Assert.False(ex.NotFound);
    }

    [Fact]
    public async Task Group_requests_ask_for_membership_of_the_group()
    {
        var ex = await RefusedAsync("outsider", async m => await m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, 1, DateStyle.WarekiOnly)));
        Assert.True(ex.NotFound);
        var open = await RefusedAsync("outsider", async m => await m.Send(new OpenCaseCommand(DemoData.GroupId, "他団体の案件", ["jukiki"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 1000)));
        Assert.True(open.NotFound);
    }

    [Fact]
    public async Task A_user_holding_an_external_role_is_refused_internal_requests_whatever_else_they_hold()
    {
        await using var vendor = await ActingUser.StartAsync(_app, "officer1", Roles.Vendor, Roles.Officer);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => vendor.Send(async m => await m.Send(new ListDocumentVersions(Case))));
        Assert.False(ex.NotFound);
    }
}

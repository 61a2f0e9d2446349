using System.Globalization;
using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>Vendor events share the case stream with the case header: neither may make the other look stale.</summary>
public sealed class CaseStreamSharingTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Editing_the_case_header_after_vendor_events_works_and_vendor_commands_after_a_header_edit_work()
    {
        var officer = await _app.SignInAsync("officer1");
        await officer.RegisterVendorAsync("共有ストリーム株式会社", "7000012050002");

        long version;
        await using (var s = _app.Store.QuerySession()) version = (await s.LoadAsync<CaseSummary>(DemoData.CaseId))!.Version;
        var edit = await officer.PostFormAsync($"/Cases/{DemoData.CaseId}/Edit",
        [
            new("Input.Version", version.ToString(CultureInfo.InvariantCulture)), new("Input.Title", "見出しを変更した案件"),
            new("Input.TargetBusinesses", "jukiki"), new("Input.CloudForm", "SaaS"),
            new("Input.PlannedGoLive", "2028-04-01"), new("Input.BudgetCeiling", "480000000"),
        ], $"/Cases/{DemoData.CaseId}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        await officer.RegisterVendorAsync("二社目株式会社", "1180301018771");
        Assert.Equal(2, (await _app.ViewAsync()).Vendors.Count);
    }
}

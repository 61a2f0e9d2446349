using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Features.Wizards;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

/// <summary>Times on pages are Japan time, and dates follow the group's chosen style (the one its documents use).</summary>
public sealed class PageDatesTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync(nameof(PageDatesTests));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void A_month_is_written_in_the_same_style_as_a_day()
    {
        var april = new DateOnly(2027, 4, 1);
        Assert.Equal("令和9年4月", JapaneseDates.FormatMonth(april));
        Assert.Equal("令和9年（2027年）4月", JapaneseDates.FormatMonth(april, DateStyle.WarekiWithWestern));
        Assert.Equal("令和元年5月", JapaneseDates.FormatMonth(new DateOnly(2019, 5, 1)));
        Assert.Equal("2027-04", JapaneseDates.FormatMonth(april, english: true));
    }

    [Fact]
    public async Task A_draft_saved_at_15_20_Japan_time_shows_15_20_and_case_dates_follow_the_group_style()
    {
        // 06:20 UTC is 15:20 in Japan: the home page showed the server's UTC clock before.
        await using (var session = _app.Store.LightweightSession())
        {
            var officer = await session.Query<UserAccount>().SingleAsync(u => u.NormalizedUserName == "OFFICER1");
            session.Store(new WizardDraft
            {
                Id = WizardDraft.KeyFor(officer.Id, "case"), UserId = officer.Id, Wizard = "case", Step = 1,
                SavedAt = new DateTimeOffset(2026, 11, 26, 6, 20, 0, TimeSpan.Zero),
            });
            await session.SaveChangesAsync();
        }
        var client = await _app.SignInAsync("officer1");

        var home = await client.GetStringAsync("/");
        Assert.Contains("令和8年11月26日 15:20", home, StringComparison.Ordinal);
        Assert.DoesNotContain("06:20", home, StringComparison.Ordinal);

        var group = await LoadGroupAsync();
        var settings = await client.PostFormAsync($"/Groups/{DemoData.GroupId}/Settings", new()
        {
            ["Input.Version"] = group.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DateStyle"] = nameof(DateStyle.WarekiWithWestern),
        });
        Assert.True(settings.IsSuccessStatusCode || (int)settings.StatusCode == 302, settings.StatusCode.ToString());
        Assert.Equal(DateStyle.WarekiWithWestern, (await LoadGroupAsync()).DateStyle);

        // The demo was seeded at 2026-11-26 01:00 UTC = 10:00 in Japan; the go-live date is a plain date.
        var casePage = await client.GetStringAsync($"/Cases/{DemoData.CaseId}");
        Assert.Contains("令和8年（2026年）11月26日 10:00", casePage, StringComparison.Ordinal);
        Assert.Contains("令和8年（2026年）11月26日 15:20", await client.GetStringAsync("/"), StringComparison.Ordinal);

        await client.UseEnglishAsync();
        Assert.Contains("2026-11-26 10:00", await client.GetStringAsync($"/Cases/{DemoData.CaseId}"), StringComparison.Ordinal);
    }

    private async Task<GroupView> LoadGroupAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<GroupView>(DemoData.GroupId))!;
    }
}

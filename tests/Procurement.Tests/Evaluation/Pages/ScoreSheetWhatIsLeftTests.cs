using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Evaluation;
using Procurement.Features.Vendors;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The score sheet says what is left (per vendor and overall), highlights the empty cells when a submit is refused for
/// them (keeping what was typed), links the vendor's proposal files the member may open, and keeps a private note per
/// item that only its author sees.
/// </summary>
public sealed class ScoreSheetWhatIsLeftTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Sheet = $"{Hub}/Sheet";
    private static readonly string A = EvaluationDemo.VendorA.ToString("N");

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_sheet_counts_the_items_left_and_a_refused_submit_highlights_the_empty_ones_keeping_the_input()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var empty = await member.GetStringAsync(Sheet);
        Assert.Contains("全36項目のうち、未入力は36項目です。", empty, StringComparison.Ordinal); // 3 vendors × 12 items
        Assert.Contains($"<li id=\"remaining-{A}\"><a href=\"#vendor-{A}\">甲システム株式会社</a>: 未入力 12項目</li>", empty, StringComparison.Ordinal);

        // Vendor A complete, the others empty: the submit is refused, the 24 empty cells are marked, the typed ones kept.
        var onlyA = Cells("4", "12").Where(kv => kv.Key.StartsWith($"Cells[{A}-", StringComparison.Ordinal) || kv.Key == "SubmitConfirmed")
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var refused = await member.PostFormAsync($"{Sheet}?handler=Submit", onlyA, Sheet);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未入力の評価が24件あります。すべて入力してから提出してください。", html, StringComparison.Ordinal);
        Assert.Equal(24, CountOf(html, "<tr class=\"unanswered\">"));
        Assert.Equal(24, CountOf(html, "aria-invalid=\"true\""));
        Assert.Contains($"id=\"cell-{A}-3-1\" name=\"Cells[{A}-3-1]\" value=\"12\"", html, StringComparison.Ordinal);
        Assert.Contains($"<li id=\"remaining-{A}\"><a href=\"#vendor-{A}\">甲システム株式会社</a>: 入力済み</li>", html, StringComparison.Ordinal);
        Assert.Contains("全36項目のうち、未入力は24項目です。", html, StringComparison.Ordinal);

        // What was typed is kept as the draft, not only on the refused page.
        var reloaded = await member.GetStringAsync(Sheet);
        Assert.Contains("作成中", reloaded, StringComparison.Ordinal);
        Assert.Contains("全36項目のうち、未入力は24項目です。", reloaded, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr class=\"unanswered\">", reloaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sheet_links_the_vendor_s_proposal_files_the_member_may_open_and_never_the_sealed_price()
    {
        var technical = Guid.NewGuid();
        var price = Guid.NewGuid();
        await using (var session = _app.Store.LightweightSession())
        {
            var now = _app.Clock.GetUtcNow();
            var vendors = await session.LoadAsync<CaseVendors>(Case);
            if (vendors?.Vendor(EvaluationDemo.VendorA) is null)
            {
                session.Events.Append(Case, new VendorAddedToCase(Case, EvaluationDemo.VendorA, "甲システム株式会社", "1234567890123", "東京都千代田区1-1", "甲 太郎", "a@example.jp", Actor.System, now));
            }
            session.Events.Append(Case, new ProposalSubmitted(Case, Guid.NewGuid(), EvaluationDemo.VendorA, "甲システム株式会社", now, false,
                [new VendorFile(technical, "甲_技術提案書.pdf", VendorFileKind.Pdf, 100, new string('0', 64), false),
                 new VendorFile(price, "甲_価格提案書.pdf", VendorFileKind.Pdf, 100, new string('1', 64), true)], Actor.System, now));
            await session.SaveChangesAsync();
        }
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var html = await member.GetStringAsync(Sheet);
        Assert.Contains($"<p class=\"proposal-files\" id=\"proposal-files-{A}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Cases/{Case}/Files/{technical}\">甲_技術提案書.pdf</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(price.ToString(), html, StringComparison.Ordinal); // the price envelope stays sealed until the close
        Assert.DoesNotContain($"proposal-files-{EvaluationDemo.VendorB:N}", html, StringComparison.Ordinal); // B has no files on the case
    }

    [Fact]
    public async Task A_private_note_is_kept_with_the_sheet_and_only_its_author_ever_sees_it()
    {
        const string note = "甲の網羅性は説明会の回答と照合する（私見メモ）";
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        var saved = await member1.PostFormAsync($"{Sheet}?handler=Save", new() { [$"Cells[{A}-1-1]"] = "4", [$"Notes[{A}-1-1]"] = note }, Sheet);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($">{note}</textarea>", await member1.GetStringAsync(Sheet), StringComparison.Ordinal);

        // Stored with the sheet's events.
        var memberId = await UserIdAsync(_app, "member1");
        await using (var session = _app.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(EvaluationStreams.ScoreSheet(Case, memberId));
            var notes = Assert.Single(events.Select(e => e.Data).OfType<Procurement.Features.Evaluation.ScoreSheets.ScoreNotesSaved>());
            Assert.Equal(note, Assert.Single(notes.Notes).Text);
        }

        var member2 = await _app.SignInAsync("member2");
        await DeclareNoConflictAsync(member2);
        Assert.DoesNotContain(note, await member2.GetStringAsync(Sheet), StringComparison.Ordinal);

        // After the close, scores are visible to others, the note still to nobody but its author.
        await SubmitAllAndCloseAsync(_app);
        var chair = await _app.SignInAsync("chair");
        var officer = await _app.SignInAsync("officer1");
        foreach (var (client, url) in new[] { (chair, $"{Hub}/Results"), (officer, $"{Hub}/Results"), (officer, $"{Hub}/Members/{memberId}/History"), (chair, $"{Hub}/Results?history=true") })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain(note, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var otherView = await _app.AsAsync("officer1");
        var sheet = await otherView.Services.GetRequiredService<EvaluationQueries>().GetSheetAsync(Case, memberId);
        Assert.Empty(sheet.Notes);
        Assert.NotEmpty(sheet.Cells);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

using System.Net;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Documents.Pages;

/// <summary>/Cases/{id}/Documents/{kind}/Clauses over HTTP: officers of the group edit, others are refused.</summary>
public sealed class ClausePagesTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Documents = $"/Cases/{DemoData.CaseId}/Documents";
    private static readonly string Page = $"{Documents}/contract/Clauses";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<DocumentClauseSettings?> SavedAsync(string kind = "contract")
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<CaseDocumentsView>(DemoData.CaseId))?.SettingsFor(kind);
    }

    /// <summary>The contract's form as the page shows it, with some values changed.</summary>
    private static List<KeyValuePair<string, string>> Form(long revision, params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Values[data_provision.handover_months]"] = "3",
            ["Values[data_provision.media]"] = "標準仕様書に定める形式の電子ファイル",
            ["Values[data_erasure.erasure_days]"] = "30",
            ["Values[data_erasure.certificate_days]"] = "7",
            ["Values[next_vendor_cooperation.cooperation_months]"] = "6",
            ["Values[sla_annex.report_cycle]"] = "3か月",
            ["Values[three_layer_security.policy_revision]"] = "令和6年10月",
            ["Values[personal_information.incident_report_hours]"] = "24",
            ["Values[subcontracting_approval.application_form]"] = "書面",
            ["Values[payment.payment_cycle]"] = "毎月",
            ["Values[payment.payment_days]"] = "30",
            ["Values[contract_guarantee.guarantee]"] = "免除する",
            ["Values[contract_guarantee.guarantee_percent]"] = "10",
            ["Values[budget.basis]"] = "債務負担行為",
            ["Values[collusion_damages.share_tenths]"] = "2",
            ["Values[jurisdiction.court]"] = "甲の事務所の所在地を管轄する地方裁判所",
            ["Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var list = values.ToList();
        foreach (var (key, value) in changes)
        {
            list.RemoveAll(kv => kv.Key == key && key != "Excluded");
            list.Add(new(key, value));
        }
        return list;
    }

    [Fact]
    public async Task The_page_lists_the_clauses_with_parameters_defaults_and_mandatory_marks_and_is_linked_per_document()
    {
        var officer = await _app.SignInAsync("officer1");

        Assert.Contains($"href=\"{Page}\"", await officer.GetStringAsync(Documents), StringComparison.Ordinal);
        var html = await officer.GetStringAsync(Page);
        Assert.Contains("契約終了時の全データの標準レイアウトによる提供", html, StringComparison.Ordinal);
        Assert.Contains("提供期限（契約終了の何か月前まで）", html, StringComparison.Ordinal);
        Assert.Contains("消去証明書の提出期限（消去後の日数）", html, StringComparison.Ordinal);
        Assert.Contains("再委託承認の申請様式", html, StringComparison.Ordinal);
        Assert.Contains("必須条項のため削除できません。", html, StringComparison.Ordinal);
        Assert.Contains("1〜12の整数", html, StringComparison.Ordinal);
        // Mandatory clauses offer no exclusion; the contract's optional articles (解除, 協議) do.
        Assert.DoesNotContain("name=\"Excluded\" value=\"data_provision\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Excluded\" value=\"special_provisions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Excluded\" value=\"termination\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Excluded\" value=\"confidentiality\"", await officer.GetStringAsync($"{Documents}/procurement-spec/Clauses"), StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_saves_a_parameter_and_the_next_generation_uses_it()
    {
        var officer = await _app.SignInAsync("officer1");

        var saved = await officer.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "６")), Page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = (await SavedAsync())!;
        Assert.Equal(6, settings.Settings["data_provision"].Parameters["handover_months"].GetInt32());
        Assert.Contains("value=\"6\"", await officer.GetStringAsync(Page), StringComparison.Ordinal);
        var generated = await officer.PostFormAsync($"{Documents}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "contract", ["workingDraft"] = "true" }, Documents);
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var docx = await officer.GetByteArrayAsync($"{Documents}/contract/1/Download");
        Assert.Contains("契約終了日の6か月前までに", Procurement.Features.Documents.Rendering.DocxText.Extract(docx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contract_draft_submitted_for_legal_review_follows_the_saved_clause_settings()
    {
        var officer = await _app.SignInAsync("officer1");
        var saved = await officer.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "6"), ("Values[collusion_damages.share_tenths]", "3"), ("Values[budget.basis]", "長期継続契約")), Page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await _app.SubmitFirstVersionAsync(officer);

        await using var session = _app.Store.QuerySession();
        var dossierId = Procurement.Features.Contracts.ContractStreams.DossierId(DemoData.CaseId);
        var files = await session.LoadAsync<Procurement.Features.Contracts.ContractVersionFiles>(Procurement.Features.Contracts.ContractVersionFiles.IdFor(dossierId, 1));
        var contract = files!.Documents.Single(d => d.Kind == Procurement.Features.Contracts.DraftDocumentKind.Contract).Text;
        Assert.Contains("契約終了日の6か月前までに", contract, StringComparison.Ordinal);
        Assert.Contains("契約金額の10分の3に相当する額", contract, StringComparison.Ordinal);
        Assert.Contains("地方自治法第234条の3の規定に基づく長期継続契約", contract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_is_named_next_to_its_field_and_kept_and_nothing_is_saved()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Page, Form(0,
            ("Values[data_erasure.certificate_days]", "abc"), ("Values[next_vendor_cooperation.cooperation_months]", "99")), Page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("「引継ぎ後のデータの復元不可能な消去」の消去証明書の提出期限（消去後の日数）: 整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("「次期事業者への協力」の協力期間（契約終了後の月数）: 1から24の範囲で指定してください。", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Values[data_erasure.certificate_days]\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Values_data_erasure_certificate_days_\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Values_data_erasure_certificate_days_\" name=\"Values[data_erasure.certificate_days]\" value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"99\"", html, StringComparison.Ordinal);
        Assert.Null(await SavedAsync());
    }

    [Fact]
    public async Task In_English_documents_clauses_and_refusals_are_named_in_English_and_the_document_text_stays_Japanese()
    {
        var officer = await _app.SignInAsync("officer1");
        await officer.UseEnglishAsync();

        var list = WebUtility.HtmlDecode(await officer.GetStringAsync(Documents));
        Assert.Contains("<td>Request for information (RFI)</td>", list, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Clause settings of Contract (draft)\"", list, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(Page));
        Assert.Contains("<h1>Contract (draft) Clause settings</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Provision of all data in the standard layout at the end of the contract", html, StringComparison.Ordinal);
        Assert.Contains("Deadline (months before the contract ends)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("提供期限（契約終了の何か月前まで）", html, StringComparison.Ordinal);
        // The choices are the wording that goes into the contract.
        Assert.Contains(">標準仕様書に定める形式の電子ファイル</option>", html, StringComparison.Ordinal);

        var refused = await officer.PostFormAsync(Page, Form(0, ("Values[next_vendor_cooperation.cooperation_months]", "99"), ("Excluded", "data_erasure")), Page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("\"Cooperation with the next vendor\", Cooperation period (months after the contract ends): Enter a value from 1 to 24.", errors, StringComparison.Ordinal);
        Assert.Contains("\"Unrecoverable erasure of data after handover\" is a mandatory clause and cannot be removed.", errors, StringComparison.Ordinal);
        Assert.Null(await SavedAsync());
    }

    [Fact]
    public async Task An_empty_exclusion_value_names_no_clause_and_the_settings_save()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Page, Form(0, ("Excluded", ""), ("Values[data_provision.handover_months]", "4")), Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await SavedAsync())!;
        Assert.Equal(4, saved.Settings["data_provision"].Parameters["handover_months"].GetInt32());
        Assert.All(saved.Settings.Values, s => Assert.True(s.Included));
    }

    [Fact]
    public async Task A_posted_exclusion_of_a_mandatory_clause_is_refused_with_the_clause_named()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Page, Form(0, ("Excluded", "data_erasure")), Page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("「引継ぎ後のデータの復元不可能な消去」は必須条項のため削除できません。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await SavedAsync());

        // An optional clause of the specification may be left out.
        var spec = $"{Documents}/procurement-spec/Clauses";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(spec, Form(0, ("Excluded", "confidentiality")), spec)).StatusCode);
        Assert.False((await SavedAsync("procurement-spec"))!.Settings["confidentiality"].Included);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_keeps_what_was_typed()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "4")), Page)).StatusCode);

        var stale = await officer.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "5")), Page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("他の利用者がこの内容を変更しました", html, StringComparison.Ordinal);
        Assert.Contains("value=\"5\"", html, StringComparison.Ordinal);
        Assert.Equal(4, (await SavedAsync())!.Settings["data_provision"].Parameters["handover_months"].GetInt32());
    }

    [Fact]
    public async Task Only_officers_of_the_group_reach_the_page_others_get_403_or_404()
    {
        var legal = await _app.SignInAsync("legal");
        var page = await legal.GetAsync(Page);
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden
            || (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)));
        Assert.DoesNotContain("/Clauses", await legal.GetStringAsync(Documents), StringComparison.Ordinal);
        var post = await legal.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "6")), Documents);
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden
            || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)));

        var (_, name) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Form(0, ("Values[data_provision.handover_months]", "6")), "/")).StatusCode);

        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{Documents}/no-such-kind/Clauses")).StatusCode);
        var forged = await officer.PostAsync(Page, new FormUrlEncodedContent(Form(0, ("Values[data_provision.handover_months]", "6"))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await SavedAsync());
    }
}

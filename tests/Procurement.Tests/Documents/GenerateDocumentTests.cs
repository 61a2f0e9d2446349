using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Documents;

/// <summary>GenerateDocument against PostgreSQL: versions, hashes, stored bytes, diff, refusal.</summary>
public sealed class GenerateDocumentTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly Guid OfficerId = Guid.Parse("0b1c0000-0000-0000-0000-000000000001");
    private AppFactory _app = null!;
    private ActingUser _asOfficer = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        _asOfficer = await ActingUser.StartAsync(_app, "officer1", Roles.Officer);
    }

    public async Task DisposeAsync()
    {
        await _asOfficer.DisposeAsync();
    }

    private Task<T> Send<T>(Func<IMediator, ValueTask<T>> send) => _asOfficer.Send(send);

    [Fact]
    public async Task Versions_are_kept_per_document_with_hash_and_author_and_identical_content_is_not_a_new_version()
    {
        var first = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", WorkingDraft: true)));
        var again = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", WorkingDraft: true)));

        Assert.True(first.Created);
        Assert.Equal(1, first.Version);
        Assert.False(again.Created);
        Assert.Equal((1, first.ContentHash), (again.Version, again.ContentHash));

        await using (var session = _app.Store.LightweightSession())
        {
            var summary = (await session.LoadAsync<CaseSummary>(DemoData.CaseId))!;
            session.Events.Append(DemoData.CaseId, new CaseDetailsChanged(DemoData.CaseId, "住民情報系システム共同利用調達（第2期）",
                summary.TargetBusinesses, summary.CloudForm, summary.PlannedGoLive, summary.BudgetCeiling, new Actor(OfficerId, "高森 花子"), _app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var second = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", DateStyle: DateStyle.WarekiWithWestern, WorkingDraft: true)));
        Assert.True(second.Created);
        Assert.Equal(2, second.Version);

        var view = await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)));
        var series = Assert.Single(view.Documents);
        Assert.Equal("procurement-spec", series.Kind);
        Assert.Equal([2, 1], series.Versions.Select(v => v.Version));
        Assert.All(series.Versions, v => Assert.Equal("高森 花子", v.By));
        Assert.True(series.Versions[0].DataVersion > series.Versions[1].DataVersion);
        Assert.Equal(DocumentTestSupport.Catalog.Get("procurement-spec").Hash, series.Versions[0].TemplateHash);

        var download = await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, "procurement-spec", 1)));
        Assert.NotNull(download);
        Assert.Equal(first.ContentHash, Convert.ToHexStringLower(SHA256.HashData(download.Bytes)));
        Assert.Equal("調達仕様書_第1版.docx", download.FileName);
        Assert.Empty(DocumentRenderer.Validate(download.Bytes));
        Assert.Contains("第2版", DocxText.Extract((await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, "procurement-spec", 2))))!.Bytes), StringComparison.Ordinal);

        var diff = await Send(m => m.Send(new DiffDocumentVersions(DemoData.CaseId, "procurement-spec", 1, 2)));
        Assert.True(diff.HasChanges);
        Assert.Contains(diff.New, l => l.Kind == DiffLineKind.Modified && l.Text.Contains("第2期", StringComparison.Ordinal));
        Assert.Contains(diff.Old, l => l.Kind == DiffLineKind.Modified && l.Text.Contains("令和8年11月26日", StringComparison.Ordinal));

        Assert.Null(await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, "procurement-spec", 3))));
    }

    [Fact]
    public async Task A_document_missing_a_mandatory_clause_is_refused_and_nothing_is_stored()
    {
        var settings = new Dictionary<string, ClauseSetting> { ["next_vendor_cooperation"] = ClauseSetting.Default with { Included = false } };

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", WorkingDraft: true, ClauseSettings: settings))));

        Assert.Contains("次期事業者への協力", ex.Message, StringComparison.Ordinal);
        var view = await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)));
        Assert.Null(view.Find("procurement-spec"));
    }

    [Fact]
    public async Task Clause_parameters_outside_what_the_clause_allows_fail_validation()
    {
        var settings = new Dictionary<string, ClauseSetting>
        {
            ["data_provision"] = new(true, new Dictionary<string, JsonElement> { ["handover_months"] = JsonSerializer.SerializeToElement(0) }),
        };
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "sla", ClauseSettings: settings))));
        Assert.Contains("1から12の範囲", ex.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ValidationException>(() => Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "no-such-template"))));
    }

    [Fact]
    public async Task A_stored_version_downloads_as_pdf_when_libreoffice_is_installed()
    {
        var generated = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "qa-list", WorkingDraft: true)));
        var converter = _asOfficer.Services.GetRequiredService<PdfConverter>();

        if (!converter.IsAvailable)
        {
            await Assert.ThrowsAsync<PdfUnavailableException>(() => Send(m => m.Send(new GetDocumentPdf(DemoData.CaseId, "qa-list", generated.Version))));
            return;
        }
        var pdf = await Send(m => m.Send(new GetDocumentPdf(DemoData.CaseId, "qa-list", generated.Version)));
        Assert.NotNull(pdf);
        Assert.Equal(("質問回答書_第1版.pdf", "application/pdf"), (pdf.FileName, pdf.ContentType));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 4));
    }

    [Fact]
    public async Task Every_template_generates_from_the_demo_case_with_undecided_sections()
    {
        // The contract dossier's kinds are made on the contract pages, not here.
        string[] dossierKinds = ["contract", "sla", "privacy-clauses"];
        foreach (var template in DocumentTestSupport.Catalog.All.Where(t => !dossierKinds.Contains(t.Kind)))
        {
            var result = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, template.Id, WorkingDraft: true)));
            Assert.True(result.Version >= 1, template.Id);
            var text = DocxText.Extract((await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, template.Kind, result.Version))))!.Bytes);
            // A gap is numbered and listed on the working draft's cover, never written as a placeholder sentence.
            Assert.DoesNotContain("未確定である", text, StringComparison.Ordinal);
            if (text.Contains("〔未確定事項", StringComparison.Ordinal)) Assert.Contains("この文書は作業用の案である", text, StringComparison.Ordinal);
        }
        var spec = await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, "procurement-spec", 1)));
        Assert.Contains("地方公共団体情報システムデータ要件・連携要件標準仕様書", DocxText.Extract(spec!.Bytes), StringComparison.Ordinal);
    }
}

public sealed class GenerateDocumentDecisionTests
{
    private static RenderedDocument Rendered(string hash, IReadOnlyList<ClauseProblem>? missing = null) =>
        new("contract", "t", "contract", "契約書", [1], hash, [], missing ?? []);

    private static readonly Actor By = new(Guid.NewGuid(), "高森 花子");

    [Fact]
    public void The_first_generation_is_version_one_built_from_the_case_version()
    {
        var decision = GenerateDocumentDecision.Decide(new(Rendered("h1"), [], null, 7), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        var e = Assert.IsType<DocumentGenerated>(Assert.Single(decision.Events));
        Assert.Equal((1, 7L, "h1", "高森 花子"), (e.Version, e.DataVersion, e.ContentHash, e.By.Name));
    }

    [Fact]
    public void Same_content_as_the_latest_version_is_that_version()
    {
        var existing = new DocumentSeries { Kind = "contract", Versions = [new DocumentVersion { Version = 3, ContentHash = "h" }] };
        Assert.Same(Decision.Nothing, GenerateDocumentDecision.Decide(new(Rendered("h"), [], existing, 9), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch));
        var next = GenerateDocumentDecision.Decide(new(Rendered("other"), [], existing, 9), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        Assert.Equal(4, Assert.IsType<DocumentGenerated>(Assert.Single(next.Events)).Version);
    }

    [Fact]
    public void Missing_clauses_and_invalid_openxml_are_refused()
    {
        var missing = GenerateDocumentDecision.Decide(
            new(Rendered("h", [new("sla_annex", "サービスレベル合意（SLA）を別紙とすること（sla_annex）")]), [], null, 1), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        // One reason a line: the heading, then each missing clause.
        Assert.Equal("次の必須条項が含まれていないため、文書を生成できません。\n・サービスレベル合意（SLA）を別紙とすること（sla_annex）", missing.RefusalText(new UiText()));
        Assert.Empty(missing.Events);
        var invalid = GenerateDocumentDecision.Decide(new(Rendered("h"), ["bad"], null, 1), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        Assert.Equal(["生成した文書がWordの形式検査に合格しなかったため、保存しませんでした。", "{0}"], invalid.Reasons.Select(r => r.Key));
    }

    [Fact]
    public void A_document_with_gaps_is_refused_listing_each_input_unless_asked_for_as_a_working_draft()
    {
        var gaps = Rendered("h") with { Gaps = [new MissingInput("budget", "予算額", "/Budget")] };
        var refused = GenerateDocumentDecision.Decide(new(gaps, [], null, 1), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        Assert.Equal(GenerateDocumentDecision.MissingInputs, refused.Refusal);
        Assert.Equal(Reason.Of("・{0}", Reason.Of("予算額")).Key, refused.Reasons[1].Key);
        var draft = GenerateDocumentDecision.Decide(new(gaps, [], null, 1, WorkingDraft: true), Guid.NewGuid(), Guid.NewGuid(), By, DateTimeOffset.UnixEpoch);
        Assert.Equal(["予算額"], Assert.IsType<DocumentGenerated>(Assert.Single(draft.Events)).Gaps!);
    }
}

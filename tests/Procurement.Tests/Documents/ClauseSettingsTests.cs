using System.Text.Json;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Validation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Documents;

/// <summary>Clause settings saved on the case stream per document kind, and generation applying them.</summary>
public sealed class ClauseSettingsTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
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

    private static ClauseSetting With(params (string Name, object Value)[] values) =>
        new(true, values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value)));

    private async Task<string> TextOf(string kind, int version) =>
        DocxText.Extract((await Send(m => m.Send(new GetDocumentFile(DemoData.CaseId, kind, version))))!.Bytes);

    [Fact]
    public void The_kind_lists_the_clauses_its_template_contains_with_the_mandatory_ones_marked()
    {
        var spec = KindClauses.Of(DocumentTestSupport.Catalog, "procurement-spec")!;

        Assert.Contains(spec.Clauses, c => c.Id == "confidentiality");
        Assert.False(spec.IsRequired("confidentiality"));
        Assert.True(spec.IsRequired("data_provision"));
        Assert.Contains(spec.Clauses.Single(c => c.Id == "subcontracting_approval").Parameters, p => p.Name == "application_form");
        Assert.Null(KindClauses.Of(DocumentTestSupport.Catalog, "no-such-kind"));
    }

    [Fact]
    public async Task Saved_settings_are_stored_on_the_case_and_used_when_the_document_is_generated()
    {
        var settings = new Dictionary<string, ClauseSetting>
        {
            ["data_provision"] = With(("handover_months", 6), ("media", "標準仕様書に定める形式の電子ファイル")),
            ["data_erasure"] = With(("certificate_days", 14)),
            ["subcontracting_approval"] = With(("application_form", "所定の様式による書面")),
            ["confidentiality"] = ClauseSetting.Default with { Included = false },
        };

        var revision = await Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "procurement-spec", 0, settings)));

        Assert.Equal(1, revision);
        var stored = (await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)))).SettingsFor("procurement-spec")!;
        Assert.Equal((1L, "高森 花子"), (stored.Revision, stored.By));
        // The default media is not stored: a later change of the default reaches this case.
        Assert.Equal(["handover_months"], stored.Settings["data_provision"].Parameters.Keys);
        Assert.False(stored.Settings["confidentiality"].Included);

        var generated = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", WorkingDraft: true)));
        var text = await TextOf("procurement-spec", generated.Version);
        Assert.Contains("契約終了日の6か月前までに", text, StringComparison.Ordinal);
        Assert.Contains("消去の日から14日以内に提出すること", text, StringComparison.Ordinal);
        Assert.Contains("所定の様式による書面により申請し", text, StringComparison.Ordinal);
        Assert.DoesNotContain("秘密の保持", text, StringComparison.Ordinal);

        // Another kind keeps the defaults.
        var rfq = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "rfq", WorkingDraft: true)));
        Assert.Contains("契約終了日の3か月前までに", await TextOf("rfq", rfq.Version), StringComparison.Ordinal);

        // Settings the caller passes win over the saved ones.
        var explicitSettings = new Dictionary<string, ClauseSetting> { ["data_provision"] = With(("handover_months", 2)) };
        var second = await Send(m => m.Send(new GenerateDocument(DemoData.CaseId, "procurement-spec", ClauseSettings: explicitSettings, WorkingDraft: true)));
        Assert.Contains("契約終了日の2か月前までに", await TextOf("procurement-spec", second.Version), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_out_a_mandatory_clause_is_refused_naming_the_clause_and_nothing_is_saved()
    {
        var settings = new Dictionary<string, ClauseSetting> { ["data_provision"] = ClauseSetting.Default with { Included = false } };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 0, settings))));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Excluded[data_provision]", error.PropertyName);
        Assert.Equal("「契約終了時の全データの標準レイアウトによる提供」は必須条項のため削除できません。変更できるのは条項が認める項目だけです。", error.ErrorMessage);
        Assert.Null((await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)))).SettingsFor("contract"));
    }

    [Fact]
    public async Task Parameters_the_clause_does_not_allow_are_refused_naming_clause_and_parameter()
    {
        var settings = new Dictionary<string, ClauseSetting>
        {
            ["data_erasure"] = With(("erasure_days", 365), ("certificate_days", 7)),
            ["subcontracting_approval"] = With(("application_form", "口頭")),
            ["sla_annex"] = With(("penalty", 5)),
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 0, settings))));

        var byField = ex.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("「引継ぎ後のデータの復元不可能な消去」の消去期限（引継ぎ確認後の日数）: 1から90の範囲で指定してください。", byField["Values[data_erasure.erasure_days]"]);
        Assert.StartsWith("「再委託は事前の書面承認を要すること」の再委託承認の申請様式: 次のいずれかを選んでください", byField["Values[subcontracting_approval.application_form]"], StringComparison.Ordinal);
        Assert.Equal("「サービスレベル合意（SLA）を別紙とすること」のpenalty: 編集できる項目ではありません。", byField["Values[sla_annex.penalty]"]);
        Assert.Equal(3, ex.Errors.Count());
        Assert.Null((await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)))).SettingsFor("contract"));
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_and_saving_the_same_settings_again_adds_nothing()
    {
        var settings = new Dictionary<string, ClauseSetting> { ["next_vendor_cooperation"] = With(("cooperation_months", 12)) };
        Assert.Equal(1, await Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 0, settings))));

        await Assert.ThrowsAsync<StaleVersionException>(() => Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 0, settings))));
        Assert.Equal(1, await Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 1, settings))));
        Assert.Equal(1, (await Send(m => m.Send(new ListDocumentVersions(DemoData.CaseId)))).SettingsFor("contract")!.Revision);
    }

    [Fact]
    public async Task Users_who_are_not_officers_cannot_save_clause_settings()
    {
        await using var asLegal = await ActingUser.StartAsync(_app, "officer1", Roles.Legal);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            asLegal.Send(m => m.Send(new SaveClauseSettings(DemoData.CaseId, "contract", 0, new Dictionary<string, ClauseSetting>()))));
    }
}

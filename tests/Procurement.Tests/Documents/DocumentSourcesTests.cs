using System.Globalization;
using System.Net;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.Consensus;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Evaluation.Demonstrations;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Users;
using Procurement.Features.Vendors;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Documents;

/// <summary>
/// Issues 4 and 5: documents generated for the demo case through GenerateDocument carry what the evaluation, the
/// vendors and the workflow hold — and the 審査結果報告書 shows results only after the chair closes technical scoring.
/// </summary>
public sealed class DocumentSourcesTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly AsyncLocal<ICurrentUser?> Current = new();
    private AppFactory _app = null!;
    private HttpClient _officer = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
        await WorkflowDemoData.SeedAsync(_app.Store, _app.Services.GetRequiredService<WorkflowCatalog>(), _app.Clock);
        _officer = await _app.SignInAsync("officer1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A scope of the app acting as the user <see cref="As"/> last chose.</summary>
    private IServiceScope Scope()
    {
        var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActingUserSlot>().User = Current.Value ?? throw new InvalidOperationException("no user");
        return scope;
    }

    private async Task<T> As<T>(string userName, Func<IMediator, ValueTask<T>> send)
    {
        await using (var session = _app.Store.QuerySession())
        {
            var account = await Marten.QueryableExtensions.SingleAsync(session.Query<UserAccount>(), u => u.UserName == userName);
            Current.Value = new FixedCurrentUser(account.Id, account.DisplayName, [.. account.Roles]);
        }
        using var scope = Scope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private async Task<(int Version, string Text)> GenerateAsync(string templateId)
    {
        // Letters carry the 文書番号 the officer enters for the document; the rest comes from the case.
        var number = new Dictionary<string, ClauseSetting>
        {
            ["letter_number"] = new(true, new Dictionary<string, System.Text.Json.JsonElement> { ["number"] = System.Text.Json.JsonSerializer.SerializeToElement("南信州ク協号外") }),
        };
        var result = await As("officer1", m => m.Send(new GenerateDocument(DemoData.CaseId, templateId, ClauseSettings: number, WorkingDraft: true)));
        var file = await As("officer1", m => m.Send(new GetDocumentFile(DemoData.CaseId, result.Kind, result.Version)));
        Assert.Empty(DocumentRenderer.Validate(file!.Bytes));
        return (result.Version, DocxText.Extract(file.Bytes));
    }

    private static string N(decimal value) => ((double)value).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Evaluation_documents_use_the_case_and_the_report_shows_results_only_after_the_close()
    {
        var vendors = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC };
        await As("officer1", m => m.Send(new DefineDemonstrationScenario(DemoData.CaseId, [new CriteriaItem("D-1", "転入届から住民票の写しの交付まで", 10, ScaleKind.FiveLevel)], "デモの実施を決定したため")));
        var jst = TimeSpan.FromHours(9);
        await As("officer1", m => m.Send(new ScheduleDemonstration(DemoData.CaseId, Guid.NewGuid(), EvaluationDemo.VendorA,
            new DateTimeOffset(2026, 12, 10, 10, 0, 0, jst), new DateTimeOffset(2026, 12, 10, 11, 0, 0, jst), "高森町役場 3階 大会議室", 3, null)));

        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).Append(new CriteriaItem("D-1", "転入届から住民票の写しの交付まで", 10, ScaleKind.FiveLevel)).ToList();
        var numberMarks = new Dictionary<string, decimal> { ["member1"] = 11.5m, ["member2"] = 12.25m, ["chair"] = 13.75m };
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await As(member, m => m.Send(new ConfirmCriteriaChange(DemoData.CaseId, 2)));
            // member2 declares a conflict with 乙: their scores for 乙 do not count.
            await As(member, m => m.Send(new DeclareConflictOfInterest(DemoData.CaseId, member == "member2" ? [EvaluationDemo.VendorB] : [], member == "member2" ? "前職の同僚が乙の担当者" : "")));
            var entries = vendors.Where(v => member != "member2" || v != EvaluationDemo.VendorB).SelectMany((v, vi) => items.Select(i => new ScoreEntry(v, i.Id, i.Scale switch
            {
                ScaleKind.FiveLevel => v == EvaluationDemo.VendorA ? 3 : v == EvaluationDemo.VendorB ? 4 : 5,
                ScaleKind.FitGap => Marks.Fit,
                // The chair finds 甲 cannot provide the data in the standard layout: a required item failed.
                ScaleKind.PassFail => member == "chair" && v == EvaluationDemo.VendorA && i.Id == "0-2" ? Marks.Fail : Marks.Pass,
                _ => numberMarks[member],
            }))).ToList();
            await As(member, m => m.Send(new SaveScoreDraft(DemoData.CaseId, entries)));
            await As(member, m => m.Send(new SubmitScoreSheet(DemoData.CaseId)));
        }

        // Before the chair closes scoring: method, criteria, committee and demonstrations, but no result and no score.
        var criteria = (await GenerateAsync("evaluation-criteria")).Text;
        Assert.Contains("総合評価（加算方式）", criteria, StringComparison.Ordinal);
        Assert.Contains("| 提案内容 | 業務機能の網羅性 | 20点 | 5段階評価", criteria, StringComparison.Ordinal);
        Assert.Contains("| 必須要件 | 契約終了時に標準レイアウトでデータを提供できること（必須） | －", criteria, StringComparison.Ordinal);
        Assert.Contains("| デモンストレーション | 転入届から住民票の写しの交付まで | 10点", criteria, StringComparison.Ordinal);
        Assert.Contains("価格点 ＝ 55点 ×（1 － 提案価格 ÷ 提案上限額）（小数点以下第3位切捨て）", criteria, StringComparison.Ordinal);
        Assert.Contains("技術点の6割（66点）", criteria, StringComparison.Ordinal);
        Assert.DoesNotContain("未確定", criteria, StringComparison.Ordinal);

        var charter = (await GenerateAsync("committee-charter")).Text;
        Assert.Contains("委員3人をもって組織する", charter, StringComparison.Ordinal);
        Assert.Contains("|! No | 氏名 | 職 | 役職", charter, StringComparison.Ordinal);
        Assert.Contains("| 1 | 南 信夫（委員長） | 高森町 副町長 | 委員長", charter, StringComparison.Ordinal);
        Assert.Contains("| 豊丘 一郎 | 豊丘村 総務課長 | 委員", charter, StringComparison.Ordinal);
        Assert.Contains("| 喬木 由美 | 喬木村 企画財政課長 | 委員", charter, StringComparison.Ordinal);

        var demo = (await GenerateAsync("demo-guide")).Text;
        Assert.Contains("| 甲システム株式会社 | 令和8年12月10日 | 10:00～11:00 | 高森町役場 3階 大会議室", demo, StringComparison.Ordinal);
        Assert.Contains("転入届から住民票の写しの交付まで", demo, StringComparison.Ordinal);
        Assert.Contains("出席者は1提案者当たり3人以内", demo, StringComparison.Ordinal);

        var (openVersion, open) = await GenerateAsync("evaluation-report");
        Assert.Contains("審査の結果（順位、提案者別・評価区分別・委員別の得点、失格、同点の取扱い及び利害関係による除外）は、〔未確定事項", open, StringComparison.Ordinal);
        Assert.Contains("| 業務機能の網羅性 |", open, StringComparison.Ordinal); // criteria are public before the close
        Assert.DoesNotContain("委員別の技術点", open, StringComparison.Ordinal);
        Assert.DoesNotContain("丙テクノロジー株式会社", open, StringComparison.Ordinal);
        Assert.DoesNotContain("利害関係", open.Replace("利害関係による除外）は、〔未確定事項", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var noticeBefore = (await GenerateAsync("result-notice")).Text;
        Assert.Contains("優先交渉権者の選定の結果は、〔未確定事項", noticeBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("御中", noticeBefore, StringComparison.Ordinal);

        await As("chair", m => m.Send(new CloseTechnicalScoring(DemoData.CaseId)));
        await As("chair", m => m.Send(new SetConsensusScore(DemoData.CaseId, EvaluationDemo.VendorC, "1-2", 3, "委員会で協議し、画面遷移の多さを考慮して3とした。")));
        await As("chair", m => m.Send(new FinaliseResults(DemoData.CaseId)));
        var result = await As("officer1", async _ =>
        {
            using var scope = Scope();
            return await scope.ServiceProvider.GetRequiredService<EvaluationQueries>().GetResultAsync(DemoData.CaseId);
        });
        Assert.True(result.IsFinal, string.Join(" / ", result.Blockers));

        // The report generated before the close holds none of the members' totals.
        var memberTotals = result.Vendors.SelectMany(v => v.Members).Where(x => x.Total is not null).Select(x => N(x.Total!.Value)).Distinct().ToList();
        Assert.NotEmpty(memberTotals);
        Assert.All(memberTotals, t => Assert.DoesNotContain(t, open, StringComparison.Ordinal));

        var (closedVersion, report) = await GenerateAsync("evaluation-report");
        Assert.True(closedVersion > openVersion);
        Assert.DoesNotContain("未確定", report, StringComparison.Ordinal);
        foreach (var e in result.Ranking)
        {
            Assert.Contains($"| {e.Rank} | {e.VendorName} | {N(e.Technical)} | {N(e.PricePoints!.Value)} | {N(e.Total)} |", report, StringComparison.Ordinal);
        }
        var winner = result.Ranking[0].VendorName;
        Assert.Equal("丙テクノロジー株式会社", winner);
        Assert.Contains($"{winner}（令和8年11月26日決定）", report, StringComparison.Ordinal);
        Assert.Contains($"{winner}の総合評価点（{N(result.Ranking[0].Total)}）が最も高かったため", report, StringComparison.Ordinal);

        // Disqualification with the engine's reason, conflict exclusion, consensus with its reason.
        Assert.Contains("| 甲システム株式会社 | 必須項目「契約終了時に標準レイアウトでデータを提供できること」を満たしていない（南 信夫（委員長）の評価）", report, StringComparison.Ordinal);
        Assert.Contains("| 喬木 由美 | 乙情報サービス株式会社", report, StringComparison.Ordinal);
        Assert.Contains("| 合議 | 丙テクノロジー株式会社 | 操作性・画面の見やすさ | 3 | 委員会で協議し、画面遷移の多さを考慮して3とした。 | 南 信夫（委員長）", report, StringComparison.Ordinal);
        Assert.Contains("同点となった提案者はない。", report, StringComparison.Ordinal);

        // One notice per proposer, each numbered from 第1, with its own result, points and rank.
        var notices = (await GenerateAsync("result-notice")).Text;
        Assert.Equal(3, notices.Split("御中").Length - 1);
        Assert.Equal(3, notices.Split("第1　件名").Length - 1);
        Assert.Contains("丙テクノロジー株式会社　御中", notices, StringComparison.Ordinal);
        Assert.Contains("貴社を優先交渉権者として選定しました。", notices, StringComparison.Ordinal);
        Assert.Contains("貴社の提案は、次の理由により失格となりました。", notices, StringComparison.Ordinal);
        Assert.Contains("必須項目「契約終了時に標準レイアウトでデータを提供できること」を満たしていない", notices, StringComparison.Ordinal);
        Assert.Contains("貴社は、優先交渉権者として選定されませんでした。", notices, StringComparison.Ordinal);
        Assert.Contains($"| 総合評価点 | {N(result.Ranking[0].Total)}点", notices, StringComparison.Ordinal);
        Assert.Contains($"| 順位 | 1位（提案者3者中）", notices, StringComparison.Ordinal);
        Assert.DoesNotContain("未確定", notices, StringComparison.Ordinal);

        // Per member × vendor, per category and per criterion, as the engine computed them.
        var c = result.Vendors.Single(v => v.VendorName == "丙テクノロジー株式会社");
        var chairRow = c.Members.Single(x => x.MemberName == "南 信夫（委員長）");
        var b = result.Vendors.Single(v => v.VendorName == "乙情報サービス株式会社");
        var a = result.Vendors.Single(v => v.VendorName == "甲システム株式会社");
        var member2 = (string name) => result.Vendors.Single(v => v.VendorName == name).Members.Single(x => x.MemberName == "喬木 由美").Total!.Value;
        Assert.Contains($"| 喬木 由美 | {N(member2("甲システム株式会社"))} | 除外（利害関係） | {N(member2("丙テクノロジー株式会社"))}", report, StringComparison.Ordinal);
        Assert.Contains($"| 南 信夫（委員長） | {N(a.Members.Single(x => x.MemberName == chairRow.MemberName).Total!.Value)} | {N(b.Members.Single(x => x.MemberName == chairRow.MemberName).Total!.Value)} | {N(chairRow.Total!.Value)}", report, StringComparison.Ordinal);
        var category = c.Categories.Single(x => x.CategoryName == "運用・保守");
        Assert.Contains($"| 運用・保守（30点） | {N(a.Categories.Single(x => x.CategoryName == "運用・保守").Average)} | {N(b.Categories.Single(x => x.CategoryName == "運用・保守").Average)} | {N(category.Average)}", report, StringComparison.Ordinal);
        Assert.Contains($"| 提案内容：操作性・画面の見やすさ（10点） | {N(a.Criteria.Single(x => x.ItemId == "1-2").Average)} | {N(b.Criteria.Single(x => x.ItemId == "1-2").Average)} | {N(c.Criteria.Single(x => x.ItemId == "1-2").Average)}（合議により3）", report, StringComparison.Ordinal);
        Assert.Contains("| 甲システム株式会社 | ", report, StringComparison.Ordinal);
        Assert.Contains("| 432,000,000円 | 失格", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vendor_documents_use_the_case_s_vendors_answers_and_workflow_schedule()
    {
        await _officer.RegisterVendorAsync("質問する株式会社", "7000012050002");
        await _officer.SetPeriodAsync();
        var asked = await _officer.PostFormAsync(Url("/QandA?handler=Question"), new Dictionary<string, string>
        {
            ["Question.VendorId"] = (await _app.ViewAsync()).Vendors.Single().VendorId.ToString(), ["Question.ReceivedOn"] = "2026-11-05", ["Question.Text"] = "住民記録の移行対象期間は何年分か。",
        }, Url("/QandA"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var question = (await _app.ViewAsync()).Questions.Single();
        var published = await _officer.PostFormAsync(Url("/QandA?handler=Answer"), new Dictionary<string, string>
        {
            ["Answer.QuestionId"] = question.QuestionId.ToString(), ["Answer.Answer"] = "過去10年分とします。", ["Answer.ChangesConditions"] = "true",
        }, Url("/QandA"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var qa = (await GenerateAsync("qa-list")).Text;
        Assert.Contains("| 1 | 住民記録の移行対象期間は何年分か。 | 【条件変更】過去10年分とします。", qa, StringComparison.Ordinal);
        Assert.Contains("回答日　令和8年11月26日", qa, StringComparison.Ordinal);
        Assert.DoesNotContain("質問する", qa, StringComparison.Ordinal);
        Assert.DoesNotContain("7000012050002", qa, StringComparison.Ordinal);
        Assert.DoesNotContain("未確定", qa, StringComparison.Ordinal);

        // The Q&A page's Word download is the same template: the version just issued, not a second layout.
        var download = await _officer.GetByteArrayAsync(Url("/QandA?handler=Document"));
        Assert.Equal(qa, DocxText.Extract(download));

        // RFI, RFQ and the spec print the 図16 schedule's planned dates, as the schedule stands when each is generated
        // (generating the RFI completes its step, which moves the RFQ's dates).
        async Task<string> Row(string stepId)
        {
            await using var session = _app.Store.QuerySession();
            var view = (await session.LoadAsync<CaseWorkflowView>(DemoData.CaseId))!;
            var schedule = CaseSchedule.ForCase(_app.Services.GetRequiredService<WorkflowCatalog>().For(view), view, WorkflowClock.Today(_app.Clock));
            var step = schedule.Steps.Single(s => s.StepId == stepId);
            return $"| {step.Title.Ja} | {JapaneseDates.Format(step.End)} | ";
        }
        var rfiRow = await Row("rfi-issuance") + "予定";
        var goLiveRow = await Row("go-live") + "予定";
        var rfi = (await GenerateAsync("rfi")).Text;
        Assert.Contains(rfiRow, rfi, StringComparison.Ordinal);
        Assert.Contains(goLiveRow, rfi, StringComparison.Ordinal);
        Assert.DoesNotContain("勉強会・情報収集", rfi, StringComparison.Ordinal); // done Phase0 steps are not the vendors' business
        var rfqRow = await Row("rfq-issuance");
        var rfq = (await GenerateAsync("rfq")).Text;
        Assert.Contains(rfqRow, rfq, StringComparison.Ordinal);
        var noticeRow = await Row("public-notice");
        var receptionRow = await Row("proposal-reception");
        var spec = (await GenerateAsync("procurement-spec")).Text;
        Assert.Contains(noticeRow, spec, StringComparison.Ordinal);
        Assert.Contains(receptionRow, spec, StringComparison.Ordinal);
        Assert.DoesNotContain("スケジュールは未確定", spec, StringComparison.Ordinal);
    }

    /// <summary>The contract draft is the dossier's (the documents page does not generate one): the stored text of a submitted version.</summary>
    private async Task<string> ContractDraftTextAsync(int version)
    {
        await using var session = _app.Store.QuerySession();
        var files = await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(ContractStreams.DossierId(DemoData.CaseId), version));
        return files!.Documents.Single(d => d.Kind == DraftDocumentKind.Contract).Text;
    }

    [Fact]
    public async Task The_awarded_vendor_reaches_the_contract_draft_once_the_result_is_final()
    {
        var corporate = CorporateNumber.CheckDigit("000012050003").ToString(CultureInfo.InvariantCulture) + "000012050003";
        await _officer.RegisterVendorAsync("丙テクノロジー株式会社", corporate);
        await _app.SubmitFirstVersionAsync(_officer);
        Assert.Contains("株式会社信州クラウドサービス（以下「乙」という。）", await ContractDraftTextAsync(1), StringComparison.Ordinal);

        var items = EvaluationDemo.Criteria.SelectMany(c => c.Items).ToList();
        foreach (var member in new[] { "member1", "member2", "chair" })
        {
            await As(member, m => m.Send(new DeclareConflictOfInterest(DemoData.CaseId, [], "")));
            var entries = new[] { EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC }.SelectMany(v => items.Select(i => new ScoreEntry(v, i.Id, i.Scale switch
            {
                ScaleKind.FiveLevel => v == EvaluationDemo.VendorC ? 5 : 3,
                ScaleKind.FitGap => Marks.Fit,
                ScaleKind.PassFail => Marks.Pass,
                _ => 10,
            }))).ToList();
            await As(member, m => m.Send(new SaveScoreDraft(DemoData.CaseId, entries)));
            await As(member, m => m.Send(new SubmitScoreSheet(DemoData.CaseId)));
        }
        await As("chair", m => m.Send(new CloseTechnicalScoring(DemoData.CaseId)));
        await As("chair", m => m.Send(new FinaliseResults(DemoData.CaseId)));

        var legal = await _app.SignInAsync("legal");
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "SendBack", new() { ["Input.Reason"] = "落札者で作り直してください。" })).StatusCode);
        var resubmitted = await _officer.PostFormAsync($"{ContractSteps.Dossier}?handler=Submit",
            new Dictionary<string, string> { ["Version"] = await _app.VersionAsync(), ["Note"] = "落札者が決定したため" }, formPageUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var after = await ContractDraftTextAsync(2);
        Assert.Contains("と丙テクノロジー株式会社（以下「乙」という。）", after, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using Marten;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Contracts;

/// <summary>The officer's and legal staff's form posts, as the pages send them.</summary>
public static class ContractSteps
{
    public static readonly Guid CaseId = DemoData.CaseId;
    public static readonly string Dossier = $"/Cases/{CaseId}/Contract";

    public static async Task<ContractDossier?> LoadDossierAsync(this AppFactory app)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(CaseId));
    }

    public static async Task<string> VersionAsync(this AppFactory app) =>
        ((await app.LoadDossierAsync())?.Version ?? 0).ToString(CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> SaveTermsAsync(this AppFactory app, HttpClient client, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = await app.VersionAsync(),
            ["Input.Kou"] = "representative",
            ["Input.OtsuName"] = "株式会社信州クラウドサービス",
            ["Input.OtsuAddress"] = "長野県飯田市本町一丁目1番地",
            ["Input.OtsuRepresentative"] = "代表取締役　伊那谷 太郎",
            ["Input.Price"] = "396,000,000",
            ["Input.PeriodStart"] = "2027-04-01",
            ["Input.PeriodEnd"] = "2032-03-31",
            ["Input.Deliverables"] = "サービスレベル定義書\nデータ移行結果報告書",
            ["Input.InspectionDays"] = "10",
            ["Input.NonConformityMonths"] = "12",
            ["Input.SpecialProvisions"] = "",
        };
        change?.Invoke(fields);
        return await client.PostFormAsync($"{Dossier}/Terms", fields, formPageUrl: "/");
    }

    public static async Task<HttpResponseMessage> SaveSlaStepAsync(this AppFactory app, HttpClient client, int step, string action, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync($"{Dossier}/Sla",
            fields.Concat([new("Step", step.ToString(CultureInfo.InvariantCulture)), new("action", action), new("Input.Version", await app.VersionAsync())]),
            formPageUrl: "/");

    /// <summary>The boundary step alone: on a new dossier the preset items and model A come with it.</summary>
    public static Task<HttpResponseMessage> SaveBoundaryAsync(this AppFactory app, HttpClient client, string exclusions = "各団体の庁舎から接続拠点までの通信回線（各団体が自ら調達するもの）") =>
        app.SaveSlaStepAsync(client, 3, "finish", [new("Input.Exclusions", exclusions)]);

    public static async Task<HttpResponseMessage> SubmitAsync(this AppFactory app, HttpClient client) =>
        await client.PostFormAsync($"{Dossier}?handler=Submit", new Dictionary<string, string> { ["Version"] = await app.VersionAsync() }, formPageUrl: "/");

    public static async Task<HttpResponseMessage> ReviewAsync(this AppFactory app, HttpClient client, int version, string handler, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["Input.Version"] = await app.VersionAsync() };
        // Approval asks for its confirmation checkbox; the tests of the refusal post without it themselves.
        if (handler == "Approve") all.TryAdd("ApproveConfirmed", "true");
        return await client.PostFormAsync($"{Dossier}/Versions/{version.ToString(CultureInfo.InvariantCulture)}?handler={handler}", all, formPageUrl: "/");
    }

    /// <summary>Terms + SLA + submission: version 1 under review.</summary>
    public static async Task SubmitFirstVersionAsync(this AppFactory app, HttpClient officer)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.SaveTermsAsync(officer)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SaveBoundaryAsync(officer)).StatusCode);
        var submitted = await app.SubmitAsync(officer);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
    }
}

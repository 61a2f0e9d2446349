using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Procurement.Features.Users;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>Steps the evaluation page tests share, done over HTTP the way the members do them on the demo case.</summary>
internal static partial class EvaluationPageFlow
{
    public static readonly Guid Case = DemoData.CaseId;
    public static readonly string Hub = $"/Cases/{Case}/Evaluation";
    public static readonly Guid[] Vendors = [EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC];

    public static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal));

    public static async Task DeclareNoConflictAsync(HttpClient member)
    {
        var response = await member.PostFormAsync($"{Hub}/Declare", new() { ["Declaration.HasConflict"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Every cell of every vendor: 合, 5段階 <paramref name="grade"/>, ○, and <paramref name="points"/> for number items.</summary>
    public static Dictionary<string, string> Cells(string grade, string points, Func<Guid, string, string?>? overrideCell = null)
    {
        var cells = new Dictionary<string, string>();
        foreach (var v in Vendors)
        {
            foreach (var item in EvaluationDemo.Criteria.SelectMany(c => c.Items))
            {
                cells[$"Cells[{v:N}-{item.Id}]"] = overrideCell?.Invoke(v, item.Id) ?? item.Scale switch
                {
                    ScaleKind.PassFail => "合",
                    ScaleKind.FiveLevel => grade,
                    ScaleKind.FitGap => "○",
                    _ => points,
                };
            }
        }
        cells["SubmitConfirmed"] = "true"; // the submit's confirmation checkbox (ignored by the other handlers)
        return cells;
    }

    /// <summary>The sheet version the page carries in its hidden field.</summary>
    public static async Task<long> SheetVersionAsync(HttpClient member) =>
        long.Parse(VersionPattern().Match(await member.GetStringAsync($"{Hub}/Sheet")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// member1 (4), member2 (3) and the chair (5) declare and submit — vendor C gets 1 in category 1 from everyone, so the
    /// ranking has no tie — and the chair closes technical scoring.
    /// </summary>
    public static async Task SubmitAllAndCloseAsync(AppFactory app)
    {
        foreach (var (name, grade) in new[] { ("member1", "4"), ("member2", "3"), ("chair", "5") })
        {
            var member = await app.SignInAsync(name);
            await DeclareNoConflictAsync(member);
            var submit = await member.PostFormAsync($"{Hub}/Sheet?handler=Submit",
                Cells(grade, "12", (v, item) => v == EvaluationDemo.VendorC && item.StartsWith("1-", StringComparison.Ordinal) ? "1" : null), $"{Hub}/Sheet");
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }
        var chair = await app.SignInAsync("chair");
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub)).StatusCode);
    }

    /// <summary>The chair's 「結果を確定する」 on the chair page, confirmed.</summary>
    public static async Task FinaliseAsync(AppFactory app)
    {
        var chair = await app.SignInAsync("chair");
        var response = await chair.PostFormAsync($"{Hub}/Chair?handler=Finalise", new() { ["FinaliseConfirmed"] = "true" }, $"{Hub}/Chair");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<Guid> UserIdAsync(AppFactory app, string userName)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Query<UserAccount>().SingleAsync(u => u.UserName == userName)).Id;
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}

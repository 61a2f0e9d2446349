using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Contracts.Consistency;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;

namespace Procurement.Cli.Commands;

/// <summary>
/// The consistency check of a case's current documents (the page /Cases/{id}/Consistency shows the same), for a
/// legal office or an auditor working from the command line. Exit codes: 0 no contradiction, 1 contradictions found,
/// 2 usage, 3 no such case.
/// </summary>
public sealed class ConsistencyCommand : ICliCommand
{
    public string Name => "consistency";
    public string Summary => "compare the facts a case's current documents state with each other and with the case's records";
    public string Usage => "consistency <caseId>";
    public bool NeedsDatabase => true;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var positional = CliArgs.Positional(args);
        if (positional.Count != 1 || !Guid.TryParse(positional[0], out var caseId)) throw new CliUsageException("案件のID（GUID）を1つ指定してください");

        await using var session = context.Store.QuerySession();
        // The CLI registers the core services only; the award comes from the evaluation, as in the web app.
        var checker = new ConsistencyChecker(session, context.Services.GetRequiredService<IDocumentFileStore>(), new EvaluationAward(session));
        var report = await checker.CheckAsync(caseId);
        if (report is null)
        {
            await context.Error.WriteLineAsync($"案件 {caseId} が見つかりません。");
            return 3;
        }
        var output = context.Out;
        await output.WriteLineAsync(report.Documents.Count == 0 ? "照合する文書がまだありません。" : "照合した文書: " + string.Join("、", report.Documents));
        if (report.Clean)
        {
            await output.WriteLineAsync("矛盾は見つかりませんでした。");
            return 0;
        }
        await output.WriteLineAsync($"矛盾が{report.Contradictions.Count}件あります。");
        foreach (var c in report.Contradictions)
        {
            await output.WriteLineAsync($"■ {c.Topic}");
            if (c.Expected is not null) await output.WriteLineAsync($"  案件の記録: {c.Expected}");
            foreach (var s in c.Statements) await output.WriteLineAsync($"  - {s.Document} {s.Clause}: {s.Value}");
        }
        return 1;
    }
}

using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Evaluation.Sheets;

namespace Procurement.Cli.Commands;

/// <summary>
/// Computes a JSON evaluation sheet with the app's own engine, so a committee (or an auditor) can check a
/// published result without the app. Exit codes: 0 computed, 1 invalid sheet, 2 usage, 3 file not readable.
/// </summary>
public sealed class EvaluateCommand : ICliCommand
{
    public string Name => "evaluate";
    public string Summary => "compute the result of a JSON evaluation sheet (docs/evaluation-sheet.md) and print it as JSON";
    public string Usage => "evaluate <sheet.json>";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var positional = CliArgs.Positional(args);
        if (positional.Count != 1) throw new CliUsageException("評価シートのファイルを1つ指定してください");

        string json;
        try
        {
            json = await File.ReadAllTextAsync(positional[0]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"{positional[0]}: ファイルを読み込めません（{ex.Message}）");
            return 3;
        }

        var (input, errors) = EvaluationSheet.Read(json);
        if (input is null)
        {
            foreach (var error in errors) await context.Error.WriteLineAsync($"{positional[0]}: {error}");
            return 1;
        }

        EvaluationResult result;
        try
        {
            result = ScoringEngine.Compute(input);
        }
        catch (ArgumentException ex)
        {
            await context.Error.WriteLineAsync($"{positional[0]}: {ex.Message}");
            return 1;
        }
        // Marks left out of the count are said on stderr as well as in the result, so nobody reads them as counted.
        foreach (var notice in result.Notices) await context.Error.WriteLineAsync($"{positional[0]}: 注意: {notice}");
        await context.Out.WriteLineAsync(EvaluationSheet.ToJson(result));
        return 0;
    }
}

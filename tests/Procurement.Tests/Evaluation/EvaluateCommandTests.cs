using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Procurement.Cli;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class EvaluateCommandTests
{
    private static string Docs(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(file);
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new ConfigurationBuilder().Build(), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Out, string Error)> RunSheet(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            return await Run("evaluate", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_documented_example_computes_the_figures_the_documentation_shows()
    {
        var (code, output, _) = await Run("evaluate", Docs("evaluation-sheet.example.json"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("isFinal").GetBoolean());
        var ranking = root.GetProperty("ranking").EnumerateArray().ToList();
        // B: (88 + 82 + 95) ÷ 3 = 88.333 + 2.5; A: (83 + 84 + 74) ÷ 3 = 80.333 + 5 (see docs/evaluation-sheet.md)
        Assert.Equal(("B", 90.833m), (ranking[0].GetProperty("vendorId").GetString(), ranking[0].GetProperty("total").GetDecimal()));
        Assert.Equal(("A", 85.333m), (ranking[1].GetProperty("vendorId").GetString(), ranking[1].GetProperty("total").GetDecimal()));
        var dq = Assert.Single(root.GetProperty("disqualifications").EnumerateArray().ToList());
        Assert.Equal("C", dq.GetProperty("vendorId").GetString());
        Assert.Equal("belowPassLine", dq.GetProperty("kind").GetString());
        Assert.Equal(432_000_000m, root.GetProperty("lowestValidBid").GetDecimal());
    }

    [Fact]
    public async Task The_example_is_valid_against_the_published_schema_and_reader()
    {
        var (input, errors) = Procurement.Features.Evaluation.Sheets.EvaluationSheet.Read(await File.ReadAllTextAsync(Docs("evaluation-sheet.example.json")));

        Assert.Empty(errors);
        Assert.NotNull(input);
    }

    [Fact]
    public async Task An_out_of_range_mark_is_named_by_its_json_path()
    {
        var json = (await File.ReadAllTextAsync(Docs("evaluation-sheet.example.json"))).Replace("\"1-1\": 4, \"1-2\": 3", "\"1-1\": 7, \"1-2\": 3", StringComparison.Ordinal);

        var (code, output, error) = await RunSheet(json);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("$.scores.m1.A['1-1']: 評価は0〜5の整数で入力してください", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_violations_and_unknown_ids_are_named_by_their_json_path()
    {
        var json = (await File.ReadAllTextAsync(Docs("evaluation-sheet.example.json")))
            .Replace("\"aggregation\": \"average\"", "\"aggregation\": \"median\"", StringComparison.Ordinal);
        var (code, _, error) = await RunSheet(json);
        Assert.Equal(1, code);
        Assert.Contains("$.settings.aggregation: 許可されていない値です", error, StringComparison.Ordinal);

        json = (await File.ReadAllTextAsync(Docs("evaluation-sheet.example.json")))
            .Replace("\"bids\": { \"A\"", "\"bids\": { \"Z\"", StringComparison.Ordinal);
        (code, _, error) = await RunSheet(json);
        Assert.Equal(1, code);
        Assert.Contains("$.prices.bids.Z: 事業者ID「Z」は vendors にありません", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_missing_file_and_missing_argument_exit_non_zero()
    {
        Assert.Equal(1, (await RunSheet("{ \"criteria\": [")).Code);
        Assert.Equal(3, (await Run("evaluate", "/nonexistent/sheet.json")).Code);
        Assert.Equal(2, (await Run("evaluate")).Code);
    }
}

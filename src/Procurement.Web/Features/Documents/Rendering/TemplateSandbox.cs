using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.Features.Documents;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Procurement.Features.Documents.Rendering;

/// <summary>Where a template went wrong, in the author's terms (1-based line and column).</summary>
public sealed record TemplateError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line.ToString(CultureInfo.InvariantCulture)},{Column.ToString(CultureInfo.InvariantCulture)}): {Message}";
}

/// <summary>A render's markup plus the table rows produced by <c>rows</c>, referenced from the markup as <c>.rows n</c>.</summary>
public sealed record TemplateOutput(string Markup, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> RowSets);

public sealed class TemplateException(IReadOnlyList<TemplateError> errors)
    : Exception("テンプレートの処理に失敗しました。\n" + string.Join("\n", errors))
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}

/// <summary>Limits for one render. Templates are semi-trusted (edited by template authors, not by code review).</summary>
public sealed record SandboxLimits
{
    public int LoopLimit { get; init; } = 100_000;
    public int RecursiveLimit { get; init; } = 50;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Characters of markup one render may produce (≈ 400 pages of tables).</summary>
    public int OutputLimit { get; init; } = 20_000_000;

    public static SandboxLimits Default { get; } = new();
}

/// <summary>
/// Runs a Scriban template over a data model that is only JSON (ScriptObject/ScriptArray of strings, numbers, booleans):
/// no .NET object is reachable, member access on anything else is filtered out, loops, recursion, output and time are
/// bounded, and the date builtins that read the clock are removed so the output is reproducible.
/// </summary>
public static class TemplateSandbox
{
    public const string Undecided = "未確定";

    public static TemplateOutput Render(Template template, ScriptObject model, DateStyle dateStyle, IReadOnlyDictionary<string, Template> includes,
        ITemplateLoader loader, SandboxLimits limits, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.Timeout);
        var context = new SandboxContext(limits)
        {
            TemplateLoader = loader,
            CancellationToken = timeout.Token,
        };
        foreach (var (path, parsed) in includes) context.CachedTemplates[path] = parsed;

        context.PushGlobal(dateStyle == DateStyle.WarekiWithWestern ? WithWesternFunctions : WarekiOnlyFunctions);
        context.PushGlobal(model);
        try
        {
            var markup = template.Render(context);
            return new TemplateOutput(markup, context.RowSets);
        }
        catch (ScriptRuntimeException ex) when (ex is ScriptAbortException && timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TemplateException([At(ex.Span, $"処理が制限時間（{limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}秒）を超えました。")]);
        }
        catch (ScriptParserRuntimeException ex)
        {
            throw new TemplateException(ex.ParserMessages.Select(m => At(m.Span, m.Message)).ToList());
        }
        catch (ScriptRuntimeException ex) when (!ct.IsCancellationRequested)
        {
            throw new TemplateException([At(ex.Span, ex.OriginalMessage)]);
        }
    }

    public static TemplateError At(SourceSpan span, string message) =>
        new(span.FileName ?? "", span.Start.Line + 1, span.Start.Column + 1, message);

    public static IReadOnlyList<TemplateError> ParseErrors(Template template) =>
        template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => At(m.Span, m.Message)).ToList();

    // Importing delegates reflects over them: built once per date style, read-only, shared by all renders.
    private static readonly ScriptObject WarekiOnlyFunctions = Functions(DateStyle.WarekiOnly);
    private static readonly ScriptObject WithWesternFunctions = Functions(DateStyle.WarekiWithWestern);

    /// <summary>The helpers templates may call besides Scriban's string/array/math builtins.</summary>
    private static ScriptObject Functions(DateStyle style)
    {
        var f = new ScriptObject();
        f.Import("wareki", new Func<object?, string>(v => ToDate(v) is { } d ? JapaneseDates.Format(d, style, english: false) : Undecided));
        f.Import("nendo", new Func<object?, string>(v => ToDate(v) is { } d ? JapaneseDates.FiscalYear(d) : Undecided));
        f.Import("yen", new Func<object?, string>(v => ToLong(v) is { } n ? JapaneseDates.Yen(n) : Undecided));
        f.Import("num", new Func<object?, string>(v => ToLong(v) is { } n ? n.ToString("#,0", CultureInfo.InvariantCulture) : Undecided));
        // Filtering in C#: `for r in requirements | where "business" b.name` stays linear on 2,000-row tables.
        f.Import("where", new Func<object?, string, object?, ScriptArray>((list, key, value) =>
        {
            var result = new ScriptArray();
            if (list is not ScriptArray items) return result;
            foreach (var item in items)
            {
                if (item is ScriptObject o && o.TryGetValue(key, out var v) && Equals(v, value)) result.Add(item);
            }
            return result;
        }));
        // Table rows straight from C#: `{{ list | rows ["no", "detail"] }}` adds one row per item with those fields.
        // The rows travel beside the markup (a `.rows n` line marks where) instead of as 2,000 markup lines to build
        // and parse again; values are cleaned like any other data and can never be markup.
        f.Import("rows", new Func<TemplateContext, object?, object?, MarkupText>((context, list, fields) =>
        {
            if (list is not ScriptArray items || fields is not ScriptArray names || context is not SandboxContext sandbox) return new MarkupText("");
            var keys = names.Select(n => n?.ToString() ?? "").ToArray();
            var rows = new List<IReadOnlyList<string>>(items.Count);
            foreach (var item in items)
            {
                if (item is not ScriptObject o) continue;
                var cells = new string[keys.Length];
                for (var k = 0; k < keys.Length; k++)
                {
                    cells[k] = TextSafety.Clean(o.TryGetValue(keys[k], out var v) ? CellText(v) : "").Trim(' ');
                }
                rows.Add(cells);
            }
            sandbox.RowSets.Add(rows);
            return new MarkupText($"\n.rows {(sandbox.RowSets.Count - 1).ToString(CultureInfo.InvariantCulture)}\n");
        }));
        f.Import("tbd", new Func<object?, object>(v => v is null || v is string { Length: 0 } ? Undecided : v));
        foreach (var name in f.Keys.ToList()) f.SetReadOnly(name, true);
        return f;
    }

    private static string CellText(object? v) => v switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => "",
    };

    private static DateOnly? ToDate(object? v) => v switch
    {
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    private static long? ToLong(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d when double.IsFinite(d) && Math.Abs(d) < 1e18 => (long)Math.Round(d),
        decimal m => (long)Math.Round(m),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    /// <summary>JSON → ScriptObject/ScriptArray; the only shape of data a template ever sees.</summary>
    public static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ObjectFromJson(e),
        JsonValueKind.Array => new ScriptArray(e.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(), // keep integers integral (版数, 金額)
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static ScriptObject ObjectFromJson(JsonNode? node) => FromJsonNode(node) as ScriptObject ?? new ScriptObject(StringComparer.Ordinal);

    private static object? FromJsonNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var so = new ScriptObject(o.Count, StringComparer.Ordinal);
                foreach (var (key, value) in o) so.SetValue(key, FromJsonNode(value), readOnly: false);
                return so;
            case JsonArray a:
                var array = new ScriptArray(a.Count);
                foreach (var item in a) array.Add(FromJsonNode(item));
                return array;
            case JsonValue v:
                if (v.TryGetValue<JsonElement>(out var e)) return FromJson(e);
                if (v.TryGetValue<string>(out var s)) return s;
                if (v.TryGetValue<bool>(out var b)) return b;
                if (v.TryGetValue<long>(out var l)) return l;
                if (v.TryGetValue<int>(out var i)) return (long)i;
                if (v.TryGetValue<double>(out var d)) return d;
                return FromJson(JsonSerializer.SerializeToElement(v));
            default:
                return null;
        }
    }

    public static ScriptObject ObjectFromJson(JsonElement e)
    {
        var o = new ScriptObject(StringComparer.Ordinal);
        if (e.ValueKind != JsonValueKind.Object) return o;
        foreach (var p in e.EnumerateObject()) o.SetValue(p.Name, FromJson(p.Value), readOnly: false);
        return o;
    }

    private sealed class SandboxContext : TemplateContext
    {
        public List<IReadOnlyList<IReadOnlyList<string>>> RowSets { get; } = [];

        private static readonly string Fence = TextSafety.DataStart.ToString();
        private static readonly string FenceEnd = TextSafety.DataEnd.ToString();

        private static readonly ScriptObject SafeBuiltins = CreateBuiltins();

        public SandboxContext(SandboxLimits limits) : base(SafeBuiltins, StringComparer.Ordinal)
        {
            StrictVariables = true;
            LoopLimit = limits.LoopLimit;
            LoopLimitQueryable = limits.LoopLimit;
            RecursiveLimit = limits.RecursiveLimit;
            OutputLimit = limits.OutputLimit;
            LimitToString = 100_000;
            ObjectRecursionLimit = 20;
            AutoIndent = false;
            EnableRelaxedMemberAccess = false;
            EnableRelaxedFunctionAccess = false;
            EnableRelaxedIndexerAccess = false;
            EnableRelaxedTargetAccess = false;
            // Nothing of .NET: no member of any CLR object is visible or callable from a template.
            MemberFilter = _ => false;
            MemberRenamer = _ => "";
            RegexTimeOut = TimeSpan.FromMilliseconds(200);
        }

        private static ScriptObject CreateBuiltins()
        {
            var builtins = GetDefaultBuiltinObject();
            // date.now / timespan read the clock or build CLR objects: documents must be reproducible from their data.
            builtins.Remove("date");
            builtins.Remove("timespan");
            var include = builtins["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban has no include function");
            builtins.SetValue("include", new MarkupInclude(include), readOnly: true);
            return builtins;
        }

        /// <summary>Everything written by {{ expression }} is data: fenced so it can never become markup.</summary>
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            switch (textAsObject)
            {
                case MarkupText markup:
                    Write(markup.Text);
                    return this;
                case null:
                    return this; // Scriban skips bare nulls itself; templates say 未確定 through tbd/wareki/yen
                default:
                    var clean = TextSafety.Clean(ObjectToString(textAsObject));
                    Write(Fence);
                    Write(clean.Contains('\n', StringComparison.Ordinal) ? clean.Replace('\n', TextSafety.LineBreak) : clean);
                    Write(FenceEnd);
                    return this;
            }
        }

        public override string ObjectToString(object? value, bool nested = false) => value switch
        {
            MarkupText m => m.Text,
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            _ => base.ObjectToString(value, nested) ?? "",
        };
    }

    /// <summary>The output of an included template is template text (markup), not data.</summary>
    private sealed record MarkupText(string Text);

    private sealed class MarkupInclude(IScriptCustomFunction inner) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;
        public int ParameterCount => inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => inner.VarParamKind;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new MarkupText(inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new MarkupText(await inner.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? "");
    }
}

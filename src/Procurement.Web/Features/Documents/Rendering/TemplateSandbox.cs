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
    /// <summary><c>file(line,column): message</c>; an error that is not in a template file (a clause setting of the data) has no line.</summary>
    public override string ToString() => Line <= 0
        ? $"{File}: {Message}"
        : $"{File}({Line.ToString(CultureInfo.InvariantCulture)},{Column.ToString(CultureInfo.InvariantCulture)}): {Message}";
}

/// <summary>
/// A render's markup plus the table rows produced by <c>rows</c>, referenced from the markup as <c>.rows n</c>; the
/// template errors the render stepped over (every one, not only the first) and where each piece of markup came from.
/// </summary>
public sealed record TemplateOutput(string Markup, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> RowSets)
{
    public IReadOnlyList<TemplateError> Errors { get; init; } = [];
    /// <summary>
    /// Inputs the document needed and the data did not have, in the order first met: the data path a template printed
    /// through <c>tbd</c>/<c>wareki</c>/<c>yen</c>/<c>num</c>/<c>nendo</c>, or the key it named with <c>gap</c>.
    /// </summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];
    internal IReadOnlyList<SourceMapEntry> SourceMap { get; init; } = [];

    /// <summary>
    /// The template file and line that wrote the markup at <paramref name="offset"/>: literal template text is followed
    /// line by line (including text of included files), a printed value points at its expression.
    /// </summary>
    public (string File, int Line)? Locate(int offset)
    {
        var found = -1;
        for (int lo = 0, hi = SourceMap.Count - 1; lo <= hi;)
        {
            var mid = (lo + hi) >>> 1;
            if (SourceMap[mid].Offset <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return null;
        var entry = SourceMap[found];
        var line = entry.Span.Start.Line + 1;
        if (entry.Literal)
        {
            for (var i = entry.Offset; i < offset && i < Markup.Length; i++)
            {
                if (Markup[i] == '\n') line++;
            }
        }
        return (entry.Span.FileName ?? "", line);
    }
}

/// <summary>Markup from <see cref="Offset"/> on was written by the template node at <see cref="Span"/> (literal text or an expression).</summary>
internal readonly record struct SourceMapEntry(int Offset, SourceSpan Span, bool Literal);

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

    /// <summary>What a working draft prints where an input is missing; the cover page lists each numbered gap.</summary>
    public static string GapMarker(int number) => $"〔未確定事項{number.ToString(CultureInfo.InvariantCulture)}〕";

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
            var main = context.Output;
            var markup = template.Render(context);
            return new TemplateOutput(markup, context.RowSets) { Errors = context.Errors, Gaps = context.Gaps, SourceMap = context.TakeSourceMap(main) };
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
            throw new TemplateException([.. context.Errors, At(ex.Span, ex.OriginalMessage)]);
        }
    }

    public static TemplateError At(SourceSpan span, string message) =>
        new(span.FileName ?? "", span.Start.Line + 1, span.Start.Column + 1, message);

    /// <summary>
    /// Every parse error of a template. Scriban reports a block without its <c>end</c> where the file ends; the author
    /// needs the line that opened it, so those messages are replaced by one per unclosed block at its opening keyword.
    /// </summary>
    public static IReadOnlyList<TemplateError> ParseErrors(Template template, string text)
    {
        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
        if (errors.Count == 0) return [];
        var unclosed = errors.Any(m => m.Message.Contains("<end> statement was not found", StringComparison.Ordinal))
            ? UnclosedBlocks(text, template.SourceFilePath)
            : [];
        var result = errors
            .Where(m => unclosed.Count == 0 || !m.Message.Contains("<end> statement was not found", StringComparison.Ordinal))
            .Select(m => At(m.Span, m.Message))
            .Concat(unclosed)
            .DistinctBy(e => e.ToString())
            .OrderBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();
        return result;
    }

    private static readonly HashSet<string> BlockKeywords = new(StringComparer.Ordinal)
    {
        "if", "for", "while", "tablerow", "case", "capture", "with", "wrap", "func",
    };

    /// <summary>Blocks opened and never closed by <c>end</c>, found by walking the tokens (statement starts only).</summary>
    private static List<TemplateError> UnclosedBlocks(string text, string? file)
    {
        var open = new Stack<(string Keyword, TextPosition At)>();
        var statementStart = false;
        foreach (var token in new Lexer(text, file))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.LiquidTagEnter or TokenType.NewLine or TokenType.SemiColon:
                    statementStart = true;
                    continue;
                case TokenType.Whitespace or TokenType.WhitespaceFull or TokenType.Comment or TokenType.CommentMulti:
                    continue;
                case TokenType.Identifier:
                    var word = text.Substring(token.Start.Offset, token.End.Offset - token.Start.Offset + 1);
                    if (statementStart && BlockKeywords.Contains(word)) open.Push((word, token.Start));
                    else if (word == "do") open.Push((word, token.Start)); // anonymous function: do … end
                    else if (statementStart && word == "end" && open.Count > 0) open.Pop();
                    break;
            }
            statementStart = false;
        }
        return open.Select(b => new TemplateError(file ?? "", b.At.Line + 1, b.At.Column + 1,
            $"「{b.Keyword}」で始まるブロックが閉じられていません。対応する {{{{ end }}}} を書いてください。")).ToList();
    }

    // Importing delegates reflects over them: built once per date style, read-only, shared by all renders.
    private static readonly ScriptObject WarekiOnlyFunctions = Functions(DateStyle.WarekiOnly);
    private static readonly ScriptObject WithWesternFunctions = Functions(DateStyle.WarekiWithWestern);

    /// <summary>The helpers templates may call besides Scriban's string/array/math builtins.</summary>
    private static ScriptObject Functions(DateStyle style)
    {
        var f = new ScriptObject();
        // A missing value is never printed as a word: it is recorded as a gap (named by the expression that asked for
        // it), so generation can list what to enter, and only a working draft carries the numbered marker.
        f.SetValue("wareki", new GapFunction(v => ToDate(v) is { } d ? JapaneseDates.Format(d, style, english: false) : null), readOnly: true);
        f.SetValue("nendo", new GapFunction(v => ToDate(v) is { } d ? JapaneseDates.FiscalYear(d) : null), readOnly: true);
        f.SetValue("yen", new GapFunction(v => ToLong(v) is { } n ? JapaneseDates.Yen(n) : null), readOnly: true);
        f.SetValue("num", new GapFunction(v => ToLong(v) is { } n ? n.ToString("#,0", CultureInfo.InvariantCulture) : null), readOnly: true);
        f.SetValue("tbd", new GapFunction(v => v is null || v is string { Length: 0 } ? null : v), readOnly: true);
        // `gap "evaluation.results"`: an input a template needs that is not one printed value (a whole section).
        f.SetValue("gap", new GapFunction(_ => null, named: true), readOnly: true);
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

    /// <summary>A formatting helper that records a gap instead of printing a placeholder when its value is missing.</summary>
    private sealed class GapFunction(Func<object?, object?> format, bool named = false) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var value = arguments.Count > 0 ? arguments[0] : null;
            if (!named && format(value) is { } shown) return shown;
            var key = named ? value?.ToString() ?? "" : callerContext is ScriptFunctionCall call && call.Arguments.Count > 0 ? call.Arguments[0].ToString() : "";
            return context is SandboxContext s ? GapMarker(s.AddGap(key.Trim())) : Undecided;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }

    private sealed class SandboxContext : TemplateContext
    {
        public List<IReadOnlyList<IReadOnlyList<string>>> RowSets { get; } = [];

        /// <summary>Missing inputs, each once, in the order first met (their number is the marker's).</summary>
        public List<string> Gaps { get; } = [];

        public int AddGap(string key)
        {
            var at = Gaps.IndexOf(key);
            if (at < 0) { Gaps.Add(key); at = Gaps.Count - 1; }
            return at + 1;
        }

        /// <summary>Runtime errors the render stepped over: the statement that failed printed nothing, the rest ran on.</summary>
        public List<TemplateError> Errors { get; } = [];

        private const int MaxErrors = 100;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly Dictionary<IScriptOutput, List<SourceMapEntry>> _maps = new(ReferenceEqualityComparer.Instance);
        private SourceSpan _expression;

        /// <summary>The output the last template page (the main file or an include) rendered into.</summary>
        public IScriptOutput? LastPageOutput { get; private set; }

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
            var builtins = GetDefaultBuiltinObject(); // a fresh copy per call: removing from it touches no other context
            // A document must be a function of its data: nothing that reads the clock (date.now, timespan), draws a random
            // number or id (math.random, math.uuid), or runs text from the data as a template (object.eval*).
            builtins.Remove("date");
            builtins.Remove("timespan");
            Without(builtins, "math", "random", "uuid");
            Without(builtins, "object", "eval", "eval_template");
            var include = builtins["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban has no include function");
            builtins.SetValue("include", new MarkupInclude(include), readOnly: true);
            return builtins;

            static void Without(ScriptObject builtins, string name, params string[] functions)
            {
                var original = builtins[name] as ScriptObject ?? throw new InvalidOperationException($"Scriban has no {name} builtins");
                var copy = new ScriptObject();
                foreach (var key in original.Keys.Where(k => !functions.Contains(k, StringComparer.Ordinal)).ToList()) copy.SetValue(key, original[key], readOnly: true);
                builtins.SetValue(name, copy, readOnly: true);
            }
        }

        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction = false)
        {
            switch (scriptNode)
            {
                case ScriptThisExpression:
                    // `this` is the whole data model: printing or passing it around would put every section in one document.
                    throw new ScriptRuntimeException(scriptNode.Span, "this（データ全体）は使えません。出力する項目を名前で指定してください（例: {{ group.name }}）。");
                case ScriptPage:
                    var output = Output;
                    try { return base.Evaluate(scriptNode, aliasReturnedFunction); }
                    finally { LastPageOutput = output; }
                case ScriptRawStatement:
                    Mark(scriptNode.Span, literal: true);
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
                case ScriptBlockStatement:
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
                case ScriptStatement statement:
                    if (statement is ScriptExpressionStatement)
                    {
                        _expression = statement.Span;
                        Mark(statement.Span, literal: false);
                    }
                    try
                    {
                        return base.Evaluate(scriptNode, aliasReturnedFunction);
                    }
                    catch (ScriptRuntimeException ex) when (ex is not ScriptAbortException and not ScriptParserRuntimeException
                                                           && Errors.Count < MaxErrors && !CancellationToken.IsCancellationRequested)
                    {
                        // Report every mistake of a template in one run: the failed statement prints nothing and the render goes on.
                        var error = At(ex.Span, ex.OriginalMessage);
                        if (_seen.Add(error.ToString())) Errors.Add(error);
                        return null;
                    }
                default:
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
            }
        }

        private void Mark(SourceSpan span, bool literal)
        {
            if (Output is not StringBuilderOutput output) return;
            if (!_maps.TryGetValue(output, out var map)) _maps[output] = map = [];
            map.Add(new SourceMapEntry(output.Builder.Length, span, literal));
        }

        /// <summary>The source map of one output (removed: an include's map travels with its text).</summary>
        public List<SourceMapEntry> TakeSourceMap(IScriptOutput? output) =>
            output is not null && _maps.Remove(output, out var map) ? map : [];

        /// <summary>Everything written by {{ expression }} is data: fenced so it can never become markup.</summary>
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            switch (textAsObject)
            {
                case MarkupText markup:
                    if (markup.SourceMap.Count > 0 && Output is StringBuilderOutput output)
                    {
                        var at = output.Builder.Length;
                        if (!_maps.TryGetValue(output, out var map)) _maps[output] = map = [];
                        foreach (var e in markup.SourceMap) map.Add(e with { Offset = e.Offset + at });
                    }
                    Write(markup.Text);
                    return this;
                case null:
                    return this; // Scriban skips bare nulls itself; templates say 未確定 through tbd/wareki/yen
                case ScriptObject or ScriptArray:
                    throw new ScriptRuntimeException(_expression, ObjectRefused);
                default:
                    var clean = TextSafety.Clean(ObjectToString(textAsObject));
                    Write(Fence);
                    Write(clean.Contains('\n', StringComparison.Ordinal) ? clean.Replace('\n', TextSafety.LineBreak) : clean);
                    Write(FenceEnd);
                    return this;
            }
        }

        private const string ObjectRefused = "オブジェクトや一覧はそのまま文書に出力できません。出力する項目を指定してください（例: {{ group.name }}、{{ for m in group.members }}{{ m.name }}{{ end }}）。";

        public override string ObjectToString(object? value, bool nested = false) => value switch
        {
            MarkupText m => m.Text,
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            // Turning a whole section into text (string + object) would dump data the template never named.
            ScriptObject or ScriptArray when !nested => throw new ScriptRuntimeException(_expression, ObjectRefused),
            _ => base.ObjectToString(value, nested) ?? "",
        };
    }

    /// <summary>The output of an included template is template text (markup), not data; its source map comes along.</summary>
    private sealed record MarkupText(string Text)
    {
        public List<SourceMapEntry> SourceMap { get; init; } = [];
    }

    private sealed class MarkupInclude(IScriptCustomFunction inner) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;
        public int ParameterCount => inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => inner.VarParamKind;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var text = inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "";
            return new MarkupText(text) { SourceMap = context is SandboxContext s ? s.TakeSourceMap(s.LastPageOutput) : [] };
        }

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new MarkupText(await inner.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? "");
    }
}

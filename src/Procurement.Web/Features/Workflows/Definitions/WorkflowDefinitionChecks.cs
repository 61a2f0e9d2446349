using Procurement.Features.Workflows.Guards;

namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// The checks a JSON schema cannot express. Each problem names the JSON path of the offending value,
/// so an author can jump straight to it.
/// </summary>
public static class WorkflowDefinitionChecks
{
    public static List<WorkflowProblem> Check(WorkflowDefinition d)
    {
        var problems = new List<WorkflowProblem>();
        void Add(string path, string message) => problems.Add(new(d.FileName, path, message));

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < d.Steps.Count; i++)
        {
            if (!index.TryAdd(d.Steps[i].Id, i))
            {
                Add($"$.steps[{i}].id", $"ステップID「{d.Steps[i].Id}」が重複しています（最初は $.steps[{index[d.Steps[i].Id]}]）。");
            }
        }
        bool Exists(string id) => index.ContainsKey(id);

        if (!Exists(d.Start)) Add("$.start", $"開始ステップ「{d.Start}」は定義されていません。");

        for (var i = 0; i < d.Steps.Count; i++)
        {
            var s = d.Steps[i];
            var at = $"$.steps[{i}]";
            for (var r = 0; r < s.Roles.Count; r++)
            {
                if (!Roles.All.Contains(s.Roles[r]))
                {
                    Add($"{at}.roles[{r}]", $"不明なロール「{s.Roles[r]}」です（使えるもの: {string.Join(", ", Roles.All)}）。");
                }
            }
            if (!WorkflowPages.IsKnown(s.Page))
            {
                Add($"{at}.page", $"不明な画面キー「{s.Page}」です（WorkflowPages.cs に登録されたものだけ使えます）。");
            }
            for (var t = 0; t < s.Documents.Count; t++)
            {
                if (!WorkflowTemplates.IsKnown(s.Documents[t]))
                {
                    Add($"{at}.documents[{t}]", $"不明な文書テンプレート「{s.Documents[t]}」です（使えるもの: {string.Join(", ", WorkflowTemplates.Known.Keys)}）。");
                }
            }
            for (var g = 0; g < s.Guards.Count; g++)
            {
                if (!WorkflowGuards.IsKnown(s.Guards[g]))
                {
                    Add($"{at}.guards[{g}]", $"不明なガード「{s.Guards[g]}」です（実装されているもの: {string.Join(", ", WorkflowGuards.All.Keys.Order(StringComparer.Ordinal))}）。");
                }
            }
            CheckRecords(s, s.CompletedBy, $"{at}.completedBy", completes: true);
            CheckRecords(s, s.ReopenedBy, $"{at}.reopenedBy", completes: false);
            if (s.Deadline is { After: { } after } && !Exists(after))
            {
                Add($"{at}.deadline.after", $"期限の起点ステップ「{after}」は定義されていません。");
            }
            if (s.Deadline is { After: not null, SetBy: not null })
            {
                Add($"{at}.deadline", "期限は after/duration か setBy のどちらか一方で指定してください。");
            }
            if (s.Deadline is { After: { } self } && self == s.Id)
            {
                Add($"{at}.deadline.after", "期限の起点に自分自身は指定できません。");
            }

            var kinds = new[] { s.Next.Count > 0, s.Fork.Count > 0, s.Choice.Count > 0, s.Final }.Count(x => x);
            if (kinds > 1)
            {
                Add(at, $"ステップ「{s.Id}」には next / fork / choice / final のうち1つだけを指定してください。");
            }
            else if (kinds == 0)
            {
                Add(at, $"ステップ「{s.Id}」は行き止まりです（final でもなく、次のステップもありません）。");
            }

            CheckTargets(s.Next, $"{at}.next");
            CheckTargets(s.Fork, $"{at}.fork");
            for (var c = 0; c < s.Choice.Count; c++) CheckTargets([s.Choice[c].To], $"{at}.choice[{c}].to", single: true);
            for (var j = 0; j < s.Join.Count; j++)
            {
                var from = s.Join[j];
                if (!Exists(from))
                {
                    Add($"{at}.join[{j}]", $"合流元ステップ「{from}」は定義されていません。");
                }
                else if (!d.Successors(d.Steps[index[from]]).Contains(s.Id))
                {
                    Add($"{at}.join[{j}]", $"合流元ステップ「{from}」から「{s.Id}」への遷移がありません。");
                }
            }
        }

        // A record names an event type the store knows, properties that type has, and at a choice step the branch it takes.
        void CheckRecords(WorkflowStep s, List<StepRecord> records, string path, bool completes)
        {
            for (var r = 0; r < records.Count; r++)
            {
                var record = records[r];
                var at = $"{path}[{r}]";
                if (!WorkflowRecordTypes.All.TryGetValue(record.Event, out var type))
                {
                    Add($"{at}.event", $"不明な記録（イベント）「{record.Event}」です（使えるもの: {string.Join(", ", WorkflowRecordTypes.All.Keys.Order(StringComparer.Ordinal))}）。");
                    continue;
                }
                foreach (var name in (record.Where ?? []).Keys.Where(n => WorkflowRecordTypes.Property(type, n) is null))
                {
                    Add($"{at}.where.{name}", $"記録「{record.Event}」に項目「{name}」はありません。");
                }
                if (!completes && record.Choice is not null)
                {
                    Add($"{at}.choice", "choice は completedBy にだけ指定できます。");
                }
                else if (completes && s.Choice.Count > 0 && !s.Choice.Any(c => c.To == record.Choice))
                {
                    Add($"{at}.choice", $"選択のあるステップでは、記録がどの選択肢にあたるかを choice で指定してください（{string.Join(", ", s.Choice.Select(c => c.To))}）。");
                }
                else if (completes && s.Choice.Count == 0 && record.Choice is not null)
                {
                    Add($"{at}.choice", $"ステップ「{s.Id}」には選択肢がありません。");
                }
            }
        }

        void CheckTargets(List<string> targets, string path, bool single = false)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                if (!Exists(targets[t])) Add(single ? path : $"{path}[{t}]", $"遷移先ステップ「{targets[t]}」は定義されていません。");
            }
        }

        // The flow checks below assume every name resolves; with broken references they would only repeat the problem.
        if (problems.Count > 0) return problems;

        CheckCycles(d, index, Add);
        if (problems.Count > 0) return problems;

        var reachable = d.Downstream(d.Start).Append(d.Start).ToHashSet(StringComparer.Ordinal);
        foreach (var s in d.Steps.Where(s => !reachable.Contains(s.Id)))
        {
            Add($"$.steps[{index[s.Id]}]", $"ステップ「{s.Id}」には開始ステップから到達できません。");
        }

        var finals = d.Steps.Where(s => s.Final).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (finals.Count == 0) Add("$.steps", "final のステップがありません。手続が終わりません。");

        foreach (var s in d.Steps.Where(s => s.Fork.Count > 0))
        {
            CheckForkJoins(d, s, index, Add);
        }
        return problems;
    }

    // Send-back is how a case goes backwards at run time, so a definition needs no loops; forbidding
    // them keeps "downstream", schedules and diagrams well-defined.
    private static void CheckCycles(WorkflowDefinition d, Dictionary<string, int> index, Action<string, string> add)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        foreach (var s in d.Steps)
        {
            if (Visit(s.Id) is { } loopAt)
            {
                add($"$.steps[{index[loopAt]}]", $"ステップ「{loopAt}」を含む循環があります。手続を戻すときは定義ではなく差戻しを使います。");
                return;
            }
        }

        string? Visit(string id)
        {
            if (state.TryGetValue(id, out var st)) return st == 1 ? id : null;
            state[id] = 1;
            foreach (var next in d.Successors(d.Step(id)))
            {
                if (Visit(next) is { } loop) return loop;
            }
            state[id] = 2;
            return null;
        }
    }

    /// <summary>Every parallel track of a fork must end in one join step that waits for it.</summary>
    private static void CheckForkJoins(WorkflowDefinition d, WorkflowStep fork, Dictionary<string, int> index, Action<string, string> add)
    {
        var at = $"$.steps[{index[fork.Id]}].fork";
        var tracks = fork.Fork.Select(t => d.Downstream(t).Append(t).ToHashSet(StringComparer.Ordinal)).ToList();
        var common = d.Steps.Where(s => s.IsJoin && tracks.All(t => t.Contains(s.Id))).ToList();
        // The nearest join: the one no other common join leads to.
        var join = common.FirstOrDefault(j => common.All(other => other == j || !d.Downstream(other.Id).Contains(j.Id)));
        if (join is null)
        {
            add(at, $"並行トラック（{string.Join(", ", fork.Fork)}）が合流するステップ（join）がありません。");
            return;
        }
        for (var t = 0; t < fork.Fork.Count; t++)
        {
            var track = tracks[t];
            if (!join.Join.Any(j => track.Contains(j)))
            {
                add($"$.steps[{index[join.Id]}].join",
                    $"合流ステップ「{join.Id}」が並行トラック「{fork.Fork[t]}」の終わりを待っていません。");
            }
        }
        foreach (var step in tracks.SelectMany(t => t).Distinct().Where(id => id != join.Id && !d.Downstream(join.Id).Contains(id)))
        {
            if (d.Step(step).Final)
            {
                add($"$.steps[{index[step]}]", $"並行トラックの途中のステップ「{step}」が final です。並行トラックは合流してから終わらせてください。");
            }
        }
    }
}

using Marten.Events.Aggregation;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

/// <summary>Every generated version of every document of a case, newest first per kind: the history page's data.</summary>
public sealed class CaseDocumentsView
{
    public Guid Id { get; set; }
    public List<DocumentSeries> Documents { get; set; } = [];
    public long Version { get; set; }

    public DocumentSeries? Find(string kind) => Documents.FirstOrDefault(d => d.Kind == kind);

    public DocumentVersion? Find(string kind, int version) => Find(kind)?.Versions.FirstOrDefault(v => v.Version == version);

    /// <summary>The officer's clause settings per document kind (none saved → clause-rules.json defaults).</summary>
    public List<DocumentClauseSettings> ClauseSettings { get; set; } = [];

    public DocumentClauseSettings? SettingsFor(string kind) => ClauseSettings.FirstOrDefault(s => s.Kind == kind);

    /// <summary>The 調達仕様書's figures an officer entered (null: the defaults) and how many times they were saved.</summary>
    public SpecificationFigures? Specification { get; set; }
    public long SpecificationRevision { get; set; }
}

public sealed class DocumentClauseSettings
{
    public string Kind { get; set; } = "";
    /// <summary>How many times they were saved: the version the settings form carries (the case stream moves for other reasons).</summary>
    public long Revision { get; set; }
    public Dictionary<string, ClauseSetting> Settings { get; set; } = [];
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public sealed class DocumentSeries
{
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public List<DocumentVersion> Versions { get; set; } = [];
    public DocumentVersion? Latest => Versions.Count == 0 ? null : Versions[0];
}

public sealed class DocumentVersion
{
    public int Version { get; set; }
    public string TemplateId { get; set; } = "";
    public string TemplateHash { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long DataVersion { get; set; }
    public Guid FileId { get; set; }
    public long Length { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>The inputs a working draft lacked (labels); empty for a complete document.</summary>
    public List<string> Gaps { get; set; } = [];
    public bool IsWorkingDraft => Gaps.Count > 0;
}

public sealed class CaseDocumentsProjection : SingleStreamProjection<CaseDocumentsView, Guid>
{
    public static CaseDocumentsView Create(DocumentGenerated e)
    {
        var view = new CaseDocumentsView { Id = e.CaseId };
        Apply(e, view);
        return view;
    }

    public static CaseDocumentsView Create(ClauseSettingsSaved e)
    {
        var view = new CaseDocumentsView { Id = e.CaseId };
        Apply(e, view);
        return view;
    }

    public static CaseDocumentsView Create(SpecificationFiguresSaved e)
    {
        var view = new CaseDocumentsView { Id = e.CaseId };
        Apply(e, view);
        return view;
    }

    public static void Apply(SpecificationFiguresSaved e, CaseDocumentsView view)
    {
        view.Specification = e.Figures;
        view.SpecificationRevision++;
    }

    public static void Apply(ClauseSettingsSaved e, CaseDocumentsView view)
    {
        var current = view.SettingsFor(e.Kind);
        if (current is null)
        {
            current = new DocumentClauseSettings { Kind = e.Kind };
            view.ClauseSettings.Add(current);
        }
        current.Revision++;
        current.Settings = new Dictionary<string, ClauseSetting>(e.Settings, StringComparer.Ordinal);
        (current.By, current.At) = (e.By.Name, e.At);
    }

    public static void Apply(DocumentGenerated e, CaseDocumentsView view)
    {
        var series = view.Find(e.Kind);
        if (series is null)
        {
            series = new DocumentSeries { Kind = e.Kind };
            view.Documents.Add(series);
        }
        series.Title = e.Title;
        series.Versions.Insert(0, new DocumentVersion
        {
            Version = e.Version,
            TemplateId = e.TemplateId,
            TemplateHash = e.TemplateHash,
            ContentHash = e.ContentHash,
            DataVersion = e.DataVersion,
            FileId = e.FileId,
            Length = e.Length,
            By = e.By.Name,
            At = e.At,
            Gaps = [.. e.Gaps ?? []],
        });
    }
}

using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Procurement.Features.Contracts;
using Procurement.Features.Documents;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Features.Wizards;
using Procurement.Features.Workflows;
using Weasel.Core;

namespace Procurement.Infrastructure.Database;

public static class MartenSetup
{
    public const string Schema = "procurement";

    /// <summary>The one place that lists streams, read models and documents; the web app, CLI and tests share it.</summary>
    public static void Configure(StoreOptions opts, string connectionString, string schema = Schema)
    {
        // No DISCARD ALL when a connection goes back to the pool: Marten's connections carry no session state to reset.
        // The app sets no session settings (set_config is only ever transaction-local), takes only transaction-scoped
        // advisory locks on them (EventStreamWriter; the session-level ones of AppDatabase use its own pool, which keeps
        // the reset), creates no temporary tables, LISTENs on nothing and prepares no statements; an open transaction is
        // rolled back by Npgsql on close either way. The reset was one extra statement per open.
        opts.Connection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString);
        // Each operation outside a transaction takes a connection from the pool and gives it back (Marten's default):
        // a request's statements usually run on the same pooled connection anyway, and no request holds one while it
        // waits for another. Sticky connections (held for a session's life) were tried: any code that opened a second
        // session inside a request then held two at once; a long browser run also hung once on a sign-in.
        // Loads shared within a session are forgotten when a commit may have changed them.
        opts.Listeners.Add(new SessionDocumentsListener());
        opts.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        // Renamed or merged events: what existing databases hold reads as today's event.
        opts.Events.Upcast<Procurement.Features.Evaluation.Prices.EarlierReservePrices.PlannedPriceRecorded, Procurement.Features.Evaluation.ReservePriceRecorded>(
            Procurement.Features.Evaluation.Prices.EarlierReservePrices.EventTypeName, Procurement.Features.Evaluation.Prices.EarlierReservePrices.Upcast);

        opts.Schema.For<UserAccount>().UniqueIndex(u => u.NormalizedUserName);
        opts.Schema.For<WizardDraft>().Index(d => d.UserId);
        opts.Schema.For<Procurement.Features.Vendors.VendorDirectoryEntry>().UniqueIndex(v => v.GroupId, v => v.CorporateNumber);

        opts.Projections.Add<GroupViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.CostSharing.CostSharePlanProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Survey.CurrentSystemSurveyProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.FitGap.FitGapViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Renewal.RenewalViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CaseWorkflowViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.SlaOperation.SlaOperationViewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Procurement.Features.SlaOperation.SlaReportFile>().Index(f => f.CaseId);
        opts.Projections.Add<ContractDossierProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ContractVersionFiles>().Index(f => f.DossierId);
        opts.Projections.Add<Procurement.Features.Vendors.VendorDirectoryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Vendors.CaseVendorsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Evaluation.EvaluationViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Procurement.Features.Evaluation.ScoreSheetStatusProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Procurement.Features.Evaluation.ScoreSheetStatusView>().Index(s => s.CaseId);
        opts.Schema.For<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetView>().Index(s => s.CaseId);
        opts.Projections.Add<CaseDocumentsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<StoredFile>().Index(f => f.CaseId);
        opts.Schema.For<StoredPdf>().Index(f => f.CaseId);
    }
}

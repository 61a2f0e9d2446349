using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.FitGap;
using Procurement.Features.Health;
using Procurement.Features.SlaOperation;
using Procurement.Features.Survey;
using Procurement.Features.Vendors;
using Procurement.Features.Workflows;
using Procurement.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProcurementCore();   // storage, mediator + validation, clock, UI text
builder.Services.AddProcurementWeb();    // sign-in, role policies, Razor Pages under Features/, languages
builder.Services.AddWorkflows();         // workflows/*.json checked at start-up, reminders, diagrams
builder.Services.AddVendors();           // vendors, RFI/RFQ, Q&A, proposals, their files
builder.Services.AddEvaluation();        // criteria, committee, scoring; answers the proposal gate and the award
builder.Services.AddSlaOperation();      // Phase4 SLA measurements: their part of the task list
builder.Services.AddSurvey().AddFitGap().AddCostSharing();   // Phase1–2 planning: their sections of the 導入計画

var app = builder.Build();

app.UseProcurementWeb();
app.MapHealthEndpoint();                 // GET /health
app.MapRazorPages();

await app.SeedDemoDataIfEnabledAsync();  // Procurement:Demo=true only
await app.SeedWorkflowDemoIfEnabledAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));

await app.RunAsync();

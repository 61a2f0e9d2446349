using Procurement.Features.Documents;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.Workflows;

public static class WorkflowServices
{
    /// <summary>
    /// Definitions (loaded and checked once; an invalid file stops start-up), reminders (recorded always,
    /// e-mailed only when Smtp:Host is set), the diagram renderer and the schedule for generated documents. Commands and queries are found by Mediator.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetService<IHostEnvironment>();
            var folder = WorkflowDefinitionLoader.FindFolder(
                configuration["Procurement:WorkflowsDirectory"], environment?.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
                ?? throw new WorkflowDefinitionException([new WorkflowProblem("workflows/", "$",
                    "手続定義のフォルダーが見つかりません。Procurement:WorkflowsDirectory で指定してください。")]);
            return WorkflowCatalog.Load(folder);
        });
        services.AddHostedService<WorkflowDefinitionsCheck>();
        // Steps complete themselves from the records features append (completedBy), in the same save.
        services.ConfigureMarten((sp, opts) => opts.Listeners.Add(new Runtime.WorkflowRecordListener(sp.GetRequiredService<WorkflowCatalog>)));

        // 「自分のタスク」: the features' sources, the count the navigation reads, recounted after each save with events.
        services.AddSingleton<CaseTasks>();
        services.AddSingleton<TaskCountRefresher>();
        services.AddScoped<TaskCountReader>();
        services.ConfigureMarten((sp, opts) =>
        {
            opts.Schema.For<TaskCount>().Index(c => c.UserId).Index(c => c.CaseId);
            opts.Listeners.Add(new TaskCountListener(sp.GetRequiredService<TaskCountRefresher>, sp.GetRequiredService<ILogger<TaskCountListener>>));
        });

        services.AddSingleton<IReminderMailer, SmtpReminderMailer>();
        services.AddSingleton<WorkflowReminders>();
        services.AddSingleton<TaskReminders>();
        services.AddHostedService<ReminderSchedule>();

        services.AddSingleton<GraphvizRenderer>();
        services.AddScoped<IDocumentSectionSource, WorkflowDocumentSource>();
        return services;
    }
}

/// <summary>Loads the definitions before the app listens, so a broken file stops start-up instead of the first officer's click.</summary>
public sealed class WorkflowDefinitionsCheck(IServiceProvider services, ILogger<WorkflowDefinitionsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var catalog = services.GetRequiredService<WorkflowCatalog>();
            logger.LogInformation("Workflow definitions loaded: {Definitions}", string.Join(", ", catalog.All.Select(d => d.Key)));
            return Task.CompletedTask;
        }
        catch (WorkflowDefinitionException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

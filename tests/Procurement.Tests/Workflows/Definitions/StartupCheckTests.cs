using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows.Definitions;

/// <summary>The real app with services.AddWorkflows(): valid definitions load at start-up, an invalid one stops it.</summary>
public sealed class StartupCheckTests
{
    [Fact]
    public async Task The_app_starts_with_the_shipped_definitions()
    {
        await using var app = await AppFactory.StartAsync(nameof(StartupCheckTests), demo: false);
        // Development validates the whole service graph when the host is built (lifetimes, missing registrations).
        await using var withWorkflows = app.WithWebHostBuilder(b => b.UseEnvironment("Development").ConfigureServices(s => s.AddWorkflows()));
        _ = withWorkflows.Server;

        var catalog = withWorkflows.Services.GetRequiredService<WorkflowCatalog>();

        Assert.Contains(catalog.All, d => d.Key == "joint-cloud-procurement v1");
    }

    [Fact]
    public async Task An_invalid_definition_stops_the_app_naming_file_path_and_problem()
    {
        var d = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, "join-existing-cloud.v1.json")))!.AsObject();
        d["steps"]![2]!["roles"] = new JsonArray("Mayor");
        var folder = WorkflowFolders.CopyWith(("join-existing-cloud.v1.json", d.ToJsonString()));
        await using var app = await AppFactory.StartAsync(nameof(StartupCheckTests) + "bad", demo: false);
        await using var broken = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Procurement:WorkflowsDirectory", folder);
            b.ConfigureServices(s => s.AddWorkflows());
        });

        var ex = Assert.ThrowsAny<Exception>(() => broken.Server);

        var definitionError = ex as WorkflowDefinitionException ?? ex.InnerException as WorkflowDefinitionException;
        Assert.NotNull(definitionError);
        Assert.Contains("join-existing-cloud.v1.json: $.steps[2].roles[0]: 不明なロール「Mayor」", definitionError.Message);
    }
}

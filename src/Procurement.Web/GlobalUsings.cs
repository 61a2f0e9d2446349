// The namespaces nearly every file of the app uses: the store, the mediator, validation, pages, and the app's own
// access, text, validation and event plumbing. Anything narrower is imported by the file that needs it.
global using System.Globalization;
global using FluentValidation;
global using Marten;
global using Mediator;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Procurement.Features.Cases;
global using Procurement.Infrastructure.Auth;
global using Procurement.Infrastructure.Events;
global using Procurement.Infrastructure.Localization;
global using Procurement.Infrastructure.Validation;

namespace Botcadence.ReferenceServer.Templates;

/// <summary>Templates per organization.</summary>
internal sealed class TemplateStore() : OrganizationScopedStore<Template>("Template");

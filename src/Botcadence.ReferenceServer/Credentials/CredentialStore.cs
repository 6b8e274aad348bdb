namespace Botcadence.ReferenceServer.Credentials;

/// <summary>Credentials per organization.</summary>
internal sealed class CredentialStore() : OrganizationScopedStore<Credential>("Credential");

namespace Botcadence.ReferenceServer.Storage;

/// <summary>An item that belongs to one organization, ordered by a store-wide sequence.</summary>
internal interface IOrganizationScoped
{
    string Id { get; }

    string OrganizationId { get; }

    long Sequence { get; }
}

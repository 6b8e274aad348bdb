namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Chooses the fault (if any) for a request; implemented by the testing kit.</summary>
internal interface IFaultSource
{
    /// <summary>Returns the fault to apply to this request, or null to run it normally. Called once per request.</summary>
    FaultAction? Next(string method, string path);
}

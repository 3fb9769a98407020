namespace EvsContracts.Contract.Tests;

/// <summary>The request, response and error examples of the EVS "create snapshot" page, verbatim.</summary>
internal static class SeedExamples
{
    public const string Request = """
        {
            "snapshot": {
                "name": "snap-001", 
                "description": "Daily backup", 
                "volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", 
                "force": false, 
                "metadata": { }
            }
        }
        """;

    public const string Response = """
        {
            "snapshot": {
                "status": "creating", 
                "description": "Daily backup", 
                "created_at": "2013-02-25T03:56:53.081642", 
                "metadata": { }, 
                "volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", 
                "size": 1, 
                "id": "ffa9bc5e-1172-4021-acaf-cdcd78a9584d", 
                "name": "snap-001", 
                "updated_at": "2013-02-25T03:56:53.081642"
            }
        }
        """;

    public const string GenericError = """
        {
            "error": {
                "message": "XXXX", 
                "code": "XXX"
            }
        }
        """;

    public const string ItemNotFound = """
        {
            "itemNotFound": {
                "message": "XXXX", 
                "code": "XXX"
            }
        }
        """;
}

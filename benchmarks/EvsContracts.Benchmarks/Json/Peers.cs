using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EvsContracts.Snapshots;

namespace Peers.NSwag
{
    // NSwag's client keeps its serializer options private; its generated classes are partial, so this exposes them
    // to measure exactly what the client does with a body.
    public partial class NSwagEvsClient
    {
        public static JsonSerializerOptions SerializerOptions => _settings.Value;
    }
}

namespace EvsContracts.Benchmarks.Json
{
    /// <summary>Builds each peer's request objects from one <see cref="Sample"/>, and checks what each peer read.</summary>
    public static class PeerModels
    {
        public static readonly global::Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = global::Newtonsoft.Json.JsonSerializer.Create(new()
        {
            NullValueHandling = global::Newtonsoft.Json.NullValueHandling.Ignore,
            DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None,
        });

        public static CreateSnapshotRequestBody Generated(Sample sample) => new()
        {
            Snapshot = new CreateSnapshotOption
            {
                VolumeId = sample.VolumeId,
                Force = false,
                Metadata = new Dictionary<string, string>(sample.Metadata),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static PocoRequest Poco(Sample sample) => new()
        {
            Snapshot = new PocoOption
            {
                VolumeId = sample.VolumeId,
                Force = false,
                Metadata = new Dictionary<string, string>(sample.Metadata),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static Peers.NSwag.CreateSnapshotRequestBody NSwag(Sample sample) => new()
        {
            Snapshot = new Peers.NSwag.CreateSnapshotOption
            {
                Volume_id = Guid.Parse(sample.VolumeId),
                Force = false,
                Metadata = new Dictionary<string, string>(sample.Metadata),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static Peers.Kiota.Models.CreateSnapshotRequestBody Kiota(Sample sample)
        {
            var metadata = new Peers.Kiota.Models.CreateSnapshotOption_metadata();
            foreach (KeyValuePair<string, string> entry in sample.Metadata)
            {
                metadata.AdditionalData[entry.Key] = entry.Value;
            }

            return new Peers.Kiota.Models.CreateSnapshotRequestBody
            {
                Snapshot = new Peers.Kiota.Models.CreateSnapshotOption
                {
                    VolumeId = Guid.Parse(sample.VolumeId),
                    Force = false,
                    Metadata = metadata,
                    Description = sample.Description,
                    Name = sample.Name,
                },
            };
        }

        /// <summary>Throws unless <paramref name="json"/> is a request body with exactly the sample's values.</summary>
        public static void CheckRequest(string peer, Sample sample, ReadOnlySpan<byte> json)
        {
            CreateSnapshotOption o = CreateSnapshotRequestBody.FromJson(json).Snapshot;
            sample.Check(peer, o.Name, o.Description, o.Metadata, o.VolumeId);
            if (o.Force != false)
            {
                throw new InvalidOperationException($"{peer} wrote force wrongly.");
            }
        }

        public static void Check(string peer, Sample sample, CreateSnapshotResponseBody? answer) =>
            sample.Check(peer, answer?.Snapshot.Name, answer?.Snapshot.Description, answer?.Snapshot.Metadata, answer?.Snapshot.VolumeId);

        public static void Check(string peer, Sample sample, PocoResponse? answer) =>
            sample.Check(peer, answer?.Snapshot?.Name, answer?.Snapshot?.Description, answer?.Snapshot?.Metadata, answer?.Snapshot?.VolumeId);

        public static void Check(string peer, Sample sample, Peers.NSwag.CreateSnapshotResponseBody? answer) =>
            sample.Check(peer, answer?.Snapshot?.Name, answer?.Snapshot?.Description, answer?.Snapshot?.Metadata, answer?.Snapshot?.Volume_id.ToString());

        public static void Check(string peer, Sample sample, Peers.Kiota.Models.CreateSnapshotResponseBody? answer) =>
            sample.Check(
                peer,
                answer?.Snapshot?.Name,
                answer?.Snapshot?.Description,
                answer?.Snapshot?.Metadata?.AdditionalData.Select(e => KeyValuePair.Create(e.Key, e.Value as string ?? string.Empty)),
                answer?.Snapshot?.VolumeId?.ToString());
    }
}

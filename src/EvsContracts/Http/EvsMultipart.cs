using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace EvsContracts;

/// <summary>
/// The parts of a <c>multipart/form-data</c> body (RFC 7578), in the order added: fields as UTF-8 text, files as
/// their bytes. Sent with <see cref="MultipartFormDataContent"/>; a generated method adds one part per field it is
/// given, and the parts of a list one by one under the same name.
/// </summary>
public sealed class EvsMultipart
{
    private readonly List<Part> _parts = [];

    /// <summary>The number of parts added.</summary>
    public int Count => _parts.Count;

    /// <summary>Adds a field; a <see langword="null"/> value adds nothing (an unset optional field is not sent).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The value as text, sent as UTF-8.</param>
    /// <param name="contentType">The part's <c>Content-Type</c> (<c>application/json</c> for a value written as
    /// JSON); none is sent when <see langword="null"/>, which a form reader takes as text.</param>
    public void Add(string name, string? value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not null)
        {
            _parts.Add(new Part(name, value, null, contentType));
        }
    }

    /// <summary>Adds one field per item, all under <paramref name="name"/>; <see langword="null"/> adds nothing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The fields' name.</param>
    /// <param name="values">The items.</param>
    /// <param name="format">An item as text.</param>
    /// <param name="contentType">Each part's <c>Content-Type</c>; none when <see langword="null"/>.</param>
    public void AddEach<T>(string name, IEnumerable<T>? values, Func<T, string> format, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (values is null)
        {
            return;
        }

        foreach (T value in values)
        {
            Add(name, format(value), contentType);
        }
    }

    /// <summary>Adds a file; <see langword="null"/> adds nothing.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="file">The file.</param>
    /// <param name="contentType">The part's <c>Content-Type</c> when the file names none.</param>
    public void AddFile(string name, EvsFile? file, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(contentType);
        if (file is not null)
        {
            _parts.Add(new Part(name, null, file, contentType));
        }
    }

    /// <summary>Adds one file part per file, all under <paramref name="name"/>; <see langword="null"/> adds nothing.</summary>
    /// <param name="name">The fields' name.</param>
    /// <param name="files">The files.</param>
    /// <param name="contentType">A part's <c>Content-Type</c> when its file names none.</param>
    public void AddFiles(string name, IEnumerable<EvsFile>? files, string contentType = "application/octet-stream")
    {
        if (files is null)
        {
            return;
        }

        foreach (EvsFile file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            AddFile(name, file, contentType);
        }
    }

    /// <summary>The body: each part with its <c>Content-Disposition</c>, files read as the request goes out.</summary>
    internal MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent();
        try
        {
            foreach (Part part in _parts)
            {
                HttpContent partContent;
                if (part.File is { } file)
                {
                    partContent = file.CreateContent(part.ContentType!);
                    string fileName = file.FileName ?? part.Name;
                    partContent.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                    {
                        Name = Quoted(part.Name),
                        FileName = Quoted(fileName),
                        FileNameStar = fileName,
                    };
                }
                else
                {
                    partContent = new ByteArrayContent(Encoding.UTF8.GetBytes(part.Text!));
                    if (part.ContentType is not null)
                    {
                        partContent.Headers.TryAddWithoutValidation("Content-Type", part.ContentType);
                    }

                    partContent.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(part.Name) };
                }

                content.Add(partContent);
            }

            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A name as browsers write it in <c>Content-Disposition</c> (the WHATWG multipart/form-data encoding): always
    /// quoted, with a quote, CR and LF percent-encoded, so any name a spec holds can be sent.
    /// </summary>
    private static string Quoted(string name) =>
        "\"" + name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";

    private sealed record Part(string Name, string? Text, EvsFile? File, string? ContentType);
}

// Signs requests with Huawei Cloud's own signer (auth/AKSKSigner.js of @huaweicloud/huaweicloud-sdk-core) and
// prints, for each, the canonical request it built and the Authorization header it produced.
// Usage: node huawei-sign.js <node_modules folder> <cases.json>; prints a JSON array.
'use strict';
const path = require('path');
const fs = require('fs');
const { AKSKSigner } = require(path.join(process.argv[2], '@huaweicloud', 'huaweicloud-sdk-core', 'auth', 'AKSKSigner.js'));

// The canonical request is not returned by sign(); it is read on its way to the hash.
let canonical = null;
const build = AKSKSigner.buildCanonicalRequest.bind(AKSKSigner);
AKSKSigner.buildCanonicalRequest = (...args) => (canonical = build(...args));

const cases = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const results = cases.map(c => {
  let data;
  if (c.body !== null) {
    // The signer hashes JSON.stringify(data): the body must be JSON that reads back to the same bytes.
    data = JSON.parse(c.body);
    if (JSON.stringify(data) !== c.body) {
      throw new Error(`case ${c.name}: the body is not in JSON.stringify's form`);
    }
  }
  const request = { method: c.method, endpoint: `https://${c.host}${c.path}`, headers: c.headers, queryParams: c.query, data };
  const credential = { getAk: () => c.ak, getSk: () => c.sk };
  canonical = null;
  const headers = AKSKSigner.sign(request, credential);
  return { name: c.name, canonical, authorization: headers.Authorization };
});
process.stdout.write(JSON.stringify(results));

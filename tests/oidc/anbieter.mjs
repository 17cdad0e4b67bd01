// A real OpenID Connect provider for the tests of `vorlagen server` (oidc-provider, certified by the OpenID
// Foundation), on 127.0.0.1 only: `node anbieter.mjs PORT REDIRECT_URI`. Its first line names its address; it ends
// when its standard input closes (the test that started it ended) or on TERM.
import Provider from "oidc-provider";

const [port, redirect] = process.argv.slice(2);
const konten = {
  hanna: { name: "Hanna Hahn", email: "hanna@stadt.example", groups: ["Amt KI"] },
  otto: { name: "Otto Ohne", email: "otto@stadt.example", groups: ["Amt Nirgends"] },
};
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "vorlagen",
      client_secret: "geheimnis-der-tests",
      redirect_uris: [redirect],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email"], groups: ["groups"] },
  scopes: ["openid", "profile", "email", "groups"],
  findAccount: async (ctx, id) =>
    konten[id] && {
      accountId: id,
      claims: async () => ({ sub: id, preferred_username: id, ...konten[id] }),
    },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ["nur-fuer-die-tests"] },
});
const server = provider.listen(Number(port), "127.0.0.1", () => {
  console.log(`Anbieter: http://127.0.0.1:${port}`);
});
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
process.on("SIGTERM", () => server.close(() => process.exit(0)));

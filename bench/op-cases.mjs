// The operations `npm run bench` times through the wasm module, one entry per native benchmark:
// the documents it reads (text, or parsed as the user holds them) and the call, given the
// package's public helpers (`pkg`) and the core facade (`core`). Node (wasm-bench.mjs) and
// Chromium (browser-ops.mjs, which serves this file to its page) run the same entries, so
// both columns time the same calls. Imports nothing: it must load in a page.

export function benchCases(context, sizes) {
  const policy = { scope: context.currentUserScope, subject: context.userId, userId: context.userId };
  const profileOptions = { userMetadataClaim: context.userMetadataClaim };
  const jsonResponse = (body) => ({ status: 200, headers: { 'content-type': 'application/json' }, body });
  const perSize = sizes.flatMap((n) => [
    { name: `BM_parse_json/${n}`, texts: [`metadata-${n}.json`],
      call: ({ core }, [text]) => core.parseResponse(jsonResponse(text)) },
    { name: `BM_dump_json/${n}`, values: [`metadata-patch-${n}.json`],
      call: ({ core, base }, [patch]) => core.patchUserRequest(base, context.userId, patch, 'bench-token', policy) },
    { name: `BM_merge_in_place/${n}`, values: [`user-${n}.json`, `edit-patch-${n}.json`],
      call: ({ pkg }, [user, patch]) => pkg.applyMetadataPatch(user, patch) },
    { name: `BM_diff/${n}`, values: [`metadata-${n}.json`, `edited-${n}.json`],
      call: ({ pkg }, [before, after]) => pkg.buildMetadataPatch(before, after) },
    { name: `BM_validate/${n}`, values: [`metadata-patch-${n}.json`],
      call: ({ core }, [patch]) => core.validatePatch(patch, policy) },
    { name: `BM_profile_from_text/${n}`, texts: [`userinfo-${n}.json`],
      call: ({ core }, [text]) => core.profileResponse(jsonResponse(text), profileOptions) },
    { name: `BM_profile_from_value/${n}`, values: [`userinfo-${n}.json`],
      call: ({ core }, [userinfo]) => core.profileResponse(jsonResponse(userinfo), profileOptions) },
  ]);
  const forms = ['typical', 'max'].map((form) => ({
    name: `BM_signup_${form}_form`, values: [`signup-${form}-fields.json`, `signup-${form}-values.json`],
    call: ({ pkg }, [fields, values]) => pkg.mapSignupFields(fields, values, context.signupBase),
  }));
  return [...perSize, ...forms];
}


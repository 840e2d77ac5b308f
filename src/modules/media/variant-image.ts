// Which picture a variant shows: its own; else that of the variant sharing most of its options (a
// size without its own picture shows its colour's); else the product's first. Pure and import-free,
// so the storefront app uses the same rule as the feeds.

export function imageForVariant<I extends { variantId: string | null }>(
  images: readonly I[],
  variants: ReadonlyArray<{ id: string; options: Record<string, string> }>,
  variant: { id: string; options: Record<string, string> },
): I | undefined {
  const own = images.find((i) => i.variantId === variant.id);
  if (own) return own;
  const optionsOf = new Map(variants.map((v) => [v.id, v.options]));
  let best: I | undefined;
  let shared = 0;
  for (const image of images) {
    const options = image.variantId ? optionsOf.get(image.variantId) : undefined;
    if (!options) continue;
    const n = Object.entries(variant.options).filter(([k, v]) => options[k] === v).length;
    if (n > shared) {
      best = image;
      shared = n;
    }
  }
  return best ?? images[0];
}

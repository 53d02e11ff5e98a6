// Small logos for the tests: a real 1x1 PNG and a plain SVG drawing.
export const SAMPLE_PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export const SAMPLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32" role="img" aria-label="Acme">
<rect width="32" height="32" rx="6" fill="#0b6e4f"/><text x="40" y="23" font-size="20" font-family="Arial, sans-serif" fill="#0b6e4f">Acme</text>
</svg>
`;

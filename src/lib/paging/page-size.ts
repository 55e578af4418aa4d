/** Every list on the site shows at most this many rows per page. */
export const PAGE_SIZE = 50;

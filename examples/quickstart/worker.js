import { normalizeInvoices } from "overdue";

export default {
  async fetch(request) {
    try {
      return Response.json(normalizeInvoices(await request.json()));
    } catch (err) {
      const { code = "invalid_json", path = "", message } = err;
      return Response.json({ code, path, message }, { status: 400 });
    }
  },
};
